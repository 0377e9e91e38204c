# sudoku solver: constraint propagation with candidate sets of ints, then backtracking search
PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
    "100007090030020008009600500005300900010080002600004000300000010040000007007000300",
]
ROWS = [[r * 9 + c for c in range(9)] for r in range(9)]
COLS = [[r * 9 + c for r in range(9)] for c in range(9)]
BOXES = [[(br * 3 + r) * 9 + bc * 3 + c for r in range(3) for c in range(3)] for br in range(3) for bc in range(3)]
UNITS = ROWS + COLS + BOXES
PEERS = []
for i in range(81):
    ps = set()
    for u in UNITS:
        if i in u:
            ps.update(u)
    ps.discard(i)
    PEERS.append(sorted(ps))
class Contradiction(Exception):
    pass
class Solver:
    def __init__(self, text):
        self.cand = [set(range(1, 10)) for _ in range(81)]
        self.assigned = 0
        self.guesses = 0
        for i, ch in enumerate(text):
            if ch != "0":
                self.assign(self.cand, i, int(ch))
    def assign(self, cand, i, d):
        for other in sorted(cand[i] - {d}):
            self.eliminate(cand, i, other)
    def eliminate(self, cand, i, d):
        if d not in cand[i]:
            return
        cand[i].discard(d)
        if not cand[i]:
            raise Contradiction("cell %d has no candidates" % i)
        if len(cand[i]) == 1:
            (only,) = cand[i]
            for p in PEERS[i]:
                self.eliminate(cand, p, only)
        for u in UNITS:
            if i in u:
                places = [j for j in u if d in cand[j]]
                if not places:
                    raise Contradiction("digit %d has no place" % d)
                if len(places) == 1 and len(cand[places[0]]) > 1:
                    self.assign(cand, places[0], d)
    def search(self, cand):
        if all(len(c) == 1 for c in cand):
            return cand
        i = min((len(c), i) for i, c in enumerate(cand) if len(c) > 1)[1]
        for d in sorted(cand[i]):
            self.guesses += 1
            trial = [set(c) for c in cand]
            try:
                self.assign(trial, i, d)
                result = self.search(trial)
                if result:
                    return result
            except Contradiction:
                continue
        return None
    def solve(self):
        res = self.search(self.cand)
        if res is None:
            raise Contradiction("unsolvable")
        return "".join(str(next(iter(c))) for c in res)
def show(text):
    lines = []
    for r in range(9):
        row = text[r * 9:(r + 1) * 9].replace("0", ".")
        lines.append(" ".join(row[0:3]) + " | " + " ".join(row[3:6]) + " | " + " ".join(row[6:9]))
        if r in (2, 5):
            lines.append("------+-------+------")
    return "\n".join(lines)
def valid(sol):
    return all(sorted(sol[i] for i in u) == list("123456789") for u in UNITS)
for n, p in enumerate(PUZZLES):
    print("Puzzle", n + 1, "givens:", sum(ch != "0" for ch in p))
    print(show(p))
    s = Solver(p)
    before = sum(len(c) == 1 for c in s.cand)
    sol = s.solve()
    print("after propagation: %d cells fixed; guesses: %d; valid: %s" % (before, s.guesses, valid(sol)))
    print(show(sol))
    print()
bad = "550070000600195000098000060800060003400803001700020006060000280000419005000080079"
try:
    Solver(bad).solve()
except Contradiction as e:
    print("bad puzzle:", e)
print(len(PEERS[0]), PEERS[40][:8], BOXES[4])
def count_solutions(grid, limit=2):
    """Plain backtracking over a list of ints; stops after `limit` solutions."""
    try:
        i = grid.index(0)
    except ValueError:
        return 1
    used = {grid[p] for p in PEERS[i]}
    total = 0
    for d in range(1, 10):
        if d not in used:
            grid[i] = d
            total += count_solutions(grid, limit - total)
            grid[i] = 0
            if total >= limit:
                break
    return total
class LCG:
    def __init__(self, seed):
        self.s = seed
    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (self.s >> 33) % n
solved = [int(c) for c in Solver(PUZZLES[0]).solve()]
rng = LCG(12345)
order = list(range(81))
for k in range(80, 0, -1):
    j = rng.below(k + 1)
    order[k], order[j] = order[j], order[k]
puzzle = solved[:]
removed = 0
for cell in order[:45]:
    keep = puzzle[cell]
    puzzle[cell] = 0
    if count_solutions(puzzle[:]) != 1:
        puzzle[cell] = keep
    else:
        removed += 1
text = "".join(map(str, puzzle))
print("generated puzzle: removed %d digits, unique solution: %s" % (removed, count_solutions(puzzle[:]) == 1))
print(show(text))
print("solver agrees:", Solver(text).solve() == "".join(map(str, solved)))
