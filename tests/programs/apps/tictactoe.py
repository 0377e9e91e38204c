# Tic-tac-toe: minimax with memo over a list board; the engine plays itself.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]
memo = {}

def winner(board):
    for a, b, c in LINES:
        if board[a] != " " and board[a] == board[b] == board[c]:
            return board[a]
    return None

def minimax(board, player):
    key = "".join(board) + player
    if key in memo:
        return memo[key]
    w = winner(board)
    if w is not None:
        result = (1 if w == "X" else -1, None)
    elif " " not in board:
        result = (0, None)
    else:
        best = None
        for i in range(9):
            if board[i] != " ":
                continue
            board[i] = player
            score = minimax(board, "O" if player == "X" else "X")[0]
            board[i] = " "
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
        result = best
    memo[key] = result
    return result

def show(board):
    rows = [" " + " | ".join(board[r * 3:r * 3 + 3]) for r in range(3)]
    print("\n---+---+---\n".join(rows))

def play(board, player):
    moves = []
    while winner(board) is None and " " in board:
        score, move = minimax(board, player)
        board[move] = player
        moves.append(move)
        player = "O" if player == "X" else "X"
    return moves

board = [" "] * 9
print("value of the empty board:", minimax(board, "X")[0])
print("positions evaluated:", len(memo))
moves = play(board, "X")
print("moves:", moves)
show(board)
print("winner:", winner(board) or "draw")
puzzles = [
    ["X", "X", " ", "O", "O", " ", " ", " ", " "],
    ["X", "O", "X", " ", "O", " ", " ", " ", " "],
    ["O", " ", " ", " ", "X", " ", " ", " ", "X"],
]
for p in puzzles:
    to_move = "X" if p.count("X") == p.count("O") else "O"
    score, move = minimax(p, to_move)
    print(f"{''.join(p)!r} {to_move} to move: best {move}, value {score}")
counts = {-1: 0, 0: 0, 1: 0}
for key, (score, move) in memo.items():
    counts[score] += 1
print("scores over all positions:", counts)
