# nqueens.py — count the solutions of the N-queens problem by backtracking.
# Measures recursion with list arguments, membership tests in sets (add and
# discard), and small-int arithmetic for the diagonals.
N = 11  # small: 8

def solve(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        count += solve(n, row + 1, cols, diag1, diag2)
        cols.discard(col)
        diag1.discard(row + col)
        diag2.discard(row - col)
    return count

def first_solution(n, count_all=False):
    # the same search on a list of columns, checking earlier rows one by one;
    # stops at the first board unless count_all (then returns the count)
    board = []
    found = [0]
    def place(row):
        if row == n:
            found[0] += 1
            return not count_all
        for col in range(n):
            ok = True
            for r in range(row):
                c = board[r]
                if c == col or c - col == r - row or c - col == row - r:
                    ok = False
                    break
            if ok:
                board.append(col)
                if place(row + 1):
                    return True
                board.pop()
        return False
    place(0)
    return found[0] if count_all else board

total = 0
for size in range(4, N + 1):
    total += solve(size, 0, set(), set(), set())
print(total, solve(N, 0, set(), set(), set()))
print(first_solution(N + 3), first_solution(N, True))
