# othello.py — an Othello (Reversi) player: a Board class with a move generator
# that returns Move objects (each with the discs it flips), make/undo on the board,
# a positional evaluation, and an alpha-beta search with move ordering, playing a
# few games against itself from different openings. Measures many small
# objects (moves, flip lists, tuples), method calls on a board, list indexing on a
# 10x10 mailbox board, nested loops over directions, and deep recursion.
# N is the number of plies per game chosen by search (60 = all of them); the
# rest are played greedily (the move that flips most).
N = 60  # small: 1

EMPTY, BLACK, WHITE, BORDER = 0, 1, 2, 3
DIRECTIONS = (-11, -10, -9, -1, 1, 9, 10, 11)

# A positional weight per square (corners good, squares next to them bad).
WEIGHTS8 = (
    (120, -20, 20, 5, 5, 20, -20, 120),
    (-20, -40, -5, -5, -5, -5, -40, -20),
    (20, -5, 15, 3, 3, 15, -5, 20),
    (5, -5, 3, 3, 3, 3, -5, 5),
    (5, -5, 3, 3, 3, 3, -5, 5),
    (20, -5, 15, 3, 3, 15, -5, 20),
    (-20, -40, -5, -5, -5, -5, -40, -20),
    (120, -20, 20, 5, 5, 20, -20, 120),
)


def square(row, col):
    return (row + 1) * 10 + col + 1


def opponent(colour):
    return BLACK + WHITE - colour


class Move:
    __slots__ = ("square", "flips", "score")

    def __init__(self, square, flips):
        self.square = square
        self.flips = flips
        self.score = 0

    def __repr__(self):
        row, col = divmod(self.square, 10)
        return "abcdefgh"[col - 1] + str(row)


class Board:
    def __init__(self):
        cells = [BORDER] * 100
        for r in range(8):
            for c in range(8):
                cells[square(r, c)] = EMPTY
        cells[square(3, 3)] = cells[square(4, 4)] = WHITE
        cells[square(3, 4)] = cells[square(4, 3)] = BLACK
        self.cells = cells
        self.weights = [0] * 100
        for r in range(8):
            for c in range(8):
                self.weights[square(r, c)] = WEIGHTS8[r][c]
        self.squares = [square(r, c) for r in range(8) for c in range(8)]
        self.counts = {BLACK: 2, WHITE: 2}

    def flips_for(self, sq, colour):
        cells = self.cells
        other = opponent(colour)
        flips = []
        for d in DIRECTIONS:
            p = sq + d
            if cells[p] != other:
                continue
            line = []
            while cells[p] == other:
                line.append(p)
                p += d
            if cells[p] == colour:
                flips.extend(line)
        return flips

    def moves(self, colour):
        result = []
        cells = self.cells
        for sq in self.squares:
            if cells[sq] == EMPTY:
                flips = self.flips_for(sq, colour)
                if flips:
                    result.append(Move(sq, flips))
        return result

    def make(self, move, colour):
        cells = self.cells
        cells[move.square] = colour
        for p in move.flips:
            cells[p] = colour
        n = len(move.flips)
        self.counts[colour] += n + 1
        self.counts[opponent(colour)] -= n

    def undo(self, move, colour):
        cells = self.cells
        cells[move.square] = EMPTY
        other = opponent(colour)
        for p in move.flips:
            cells[p] = other
        n = len(move.flips)
        self.counts[colour] -= n + 1
        self.counts[other] += n

    def evaluate(self, colour):
        cells = self.cells
        weights = self.weights
        score = 0
        for sq in self.squares:
            c = cells[sq]
            if c == colour:
                score += weights[sq]
            elif c != EMPTY:
                score -= weights[sq]
        mine = len(self.moves(colour))
        theirs = len(self.moves(opponent(colour)))
        return score + 5 * (mine - theirs)

    def final_score(self, colour):
        return 10000 * (self.counts[colour] - self.counts[opponent(colour)])


class Player:
    def __init__(self, depth):
        self.depth = depth
        self.nodes = 0

    def search(self, board, colour, depth, alpha, beta, passed):
        self.nodes += 1
        if depth == 0:
            return board.evaluate(colour)
        moves = board.moves(colour)
        if not moves:
            if passed:
                return board.final_score(colour)
            return -self.search(board, opponent(colour), depth - 1, -beta, -alpha, True)
        if depth >= 2:
            weights = board.weights
            for m in moves:
                m.score = weights[m.square] + len(m.flips)
            moves.sort(key=lambda m: -m.score)
        other = opponent(colour)
        for m in moves:
            board.make(m, colour)
            value = -self.search(board, other, depth - 1, -beta, -alpha, False)
            board.undo(m, colour)
            if value > alpha:
                alpha = value
                if alpha >= beta:
                    break
        return alpha

    def choose(self, board, colour):
        best = None
        alpha = -10 ** 9
        for m in board.moves(colour):
            board.make(m, colour)
            value = -self.search(board, opponent(colour), self.depth - 1, -10 ** 9, -alpha, False)
            board.undo(m, colour)
            if value > alpha:
                alpha = value
                best = m
        return best


def play(opening, depth_black, depth_white):
    board = Board()
    players = {BLACK: Player(depth_black), WHITE: Player(depth_white)}
    colour = BLACK
    record = []
    passes = 0
    turn = 0
    while passes < 2:
        moves = board.moves(colour)
        if not moves:
            passes += 1
            record.append("--")
        else:
            passes = 0
            if turn < len(opening):
                move = moves[opening[turn] % len(moves)]
            elif turn < len(opening) + N:
                move = players[colour].choose(board, colour)
            else:
                move = max(moves, key=lambda m: (len(m.flips), -m.square))
            board.make(move, colour)
            record.append(repr(move))
        colour = opponent(colour)
        turn += 1
    nodes = players[BLACK].nodes + players[WHITE].nodes
    return board.counts[BLACK], board.counts[WHITE], nodes, record


games = ((0, 1, 2), (3, 0, 1, 1), (2, 2, 0))
for g in range(3):
    black, white, nodes, record = play(games[g], 3, 2 + g % 2)
    print("game", g, "black", black, "white", white, "nodes", nodes)
    print("  " + " ".join(record[:20]) + " ...", len(record), "plies")
