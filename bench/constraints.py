# constraints.py — a small object-oriented constraint solver: variables with
# bit-set domains, a hierarchy of constraint classes (all-different with hidden
# singles, not-equal with an offset, a linear sum) that propagate through a work
# queue to a fixed point, a trail that undoes domain changes on backtracking,
# and a first-fail search. It solves generated sudokus, N-queens and a magic
# square. Measures method calls through a constraint class hierarchy, attribute
# get/set on many small objects, bit operations on small ints, list-as-stack,
# and recursion.
N = 450  # small: 1


class Variable:
    def __init__(self, name, low, high):
        self.name = name
        self.bits = ((1 << (high + 1)) - 1) & ~((1 << low) - 1)
        self.count = high - low + 1
        self.constraints = []

    @property
    def assigned(self):
        return self.count == 1

    @property
    def value(self):
        return self.bits.bit_length() - 1

    def values(self):
        bits = self.bits
        v = 0
        while bits:
            if bits & 1:
                yield v
            bits >>= 1
            v += 1

    def has(self, v):
        return (self.bits >> v) & 1 == 1


class Constraint:
    def __init__(self, variables):
        self.variables = variables
        self.queued = False
        for v in variables:
            v.constraints.append(self)

    def propagate(self, solver):
        raise NotImplementedError


class AllDifferent(Constraint):
    def propagate(self, solver):
        variables = self.variables
        for v in variables:
            if v.count == 1:
                mask = v.bits
                for w in variables:
                    if w is not v and w.bits & mask:
                        if not solver.narrow(w, w.bits & ~mask):
                            return False
        # hidden singles: a value that only one variable can still take
        seen_once = 0
        seen_twice = 0
        union = 0
        for v in variables:
            b = v.bits
            seen_twice |= seen_once & b
            seen_once |= b
            union |= b
        if union.bit_count() < len(variables):
            return False
        singles = seen_once & ~seen_twice
        if singles:
            for v in variables:
                hit = v.bits & singles
                if hit and v.count > 1:
                    if hit & (hit - 1):
                        return False
                    if not solver.narrow(v, hit):
                        return False
        return True


class NotEqual(Constraint):
    """x != y + offset"""

    def __init__(self, x, y, offset):
        super().__init__([x, y])
        self.x = x
        self.y = y
        self.offset = offset

    def propagate(self, solver):
        x, y, k = self.x, self.y, self.offset
        if y.count == 1:
            v = y.value + k
            if v >= 0 and x.has(v) and not solver.narrow(x, x.bits & ~(1 << v)):
                return False
        if x.count == 1:
            v = x.value - k
            if v >= 0 and y.has(v) and not solver.narrow(y, y.bits & ~(1 << v)):
                return False
        return True


class Sum(Constraint):
    """sum(variables) == total, by bounds."""

    def __init__(self, variables, total):
        super().__init__(variables)
        self.total = total

    def propagate(self, solver):
        lows = 0
        highs = 0
        for v in self.variables:
            lows += (v.bits & -v.bits).bit_length() - 1
            highs += v.bits.bit_length() - 1
        if lows > self.total or highs < self.total:
            return False
        for v in self.variables:
            lo = (v.bits & -v.bits).bit_length() - 1
            hi = v.bits.bit_length() - 1
            new_hi = self.total - (lows - lo)
            new_lo = self.total - (highs - hi)
            bits = v.bits
            if new_hi < hi:
                bits &= (1 << (new_hi + 1)) - 1
            if new_lo > lo:
                bits &= ~((1 << new_lo) - 1)
            if bits != v.bits and not solver.narrow(v, bits):
                return False
        return True


class Solver:
    def __init__(self, variables, constraints):
        self.variables = variables
        self.constraints = constraints
        self.trail = []
        self.queue = []
        self.nodes = 0
        self.propagations = 0

    def narrow(self, var, bits):
        if bits == var.bits:
            return True
        if bits == 0:
            return False
        self.trail.append((var, var.bits, var.count))
        var.bits = bits
        var.count = bits.bit_count()
        for c in var.constraints:
            if not c.queued:
                c.queued = True
                self.queue.append(c)
        return True

    def propagate(self):
        queue = self.queue
        ok = True
        while queue:
            c = queue.pop()
            c.queued = False
            self.propagations += 1
            if ok and not c.propagate(self):
                ok = False
        return ok

    def undo(self, mark):
        trail = self.trail
        while len(trail) > mark:
            var, bits, count = trail.pop()
            var.bits = bits
            var.count = count

    def choose(self):
        best = None
        for v in self.variables:
            if v.count > 1 and (best is None or v.count < best.count):
                best = v
        return best

    def search(self):
        self.nodes += 1
        var = self.choose()
        if var is None:
            return True
        for value in list(var.values()):
            mark = len(self.trail)
            if self.narrow(var, 1 << value) and self.propagate() and self.search():
                return True
            self.undo(mark)
        return False

    def solve(self):
        for c in self.constraints:
            c.queued = True
            self.queue.append(c)
        return self.propagate() and self.search()


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 214013 + 2531011) % 4294967296
        return (self.state >> 16) % n


def sudoku_puzzle(rng, givens):
    digits = list(range(1, 10))
    for i in range(8, 0, -1):
        j = rng.below(i + 1)
        digits[i], digits[j] = digits[j], digits[i]
    rows = [b * 3 + r for b in (0, 1, 2) for r in (0, 1, 2)]
    for b in range(3):
        k = rng.below(3)
        rows[b * 3], rows[b * 3 + k] = rows[b * 3 + k], rows[b * 3]
    grid = [[digits[(r * 3 + r // 3 + c) % 9] for c in range(9)] for r in rows]
    cells = [(r, c) for r in range(9) for c in range(9)]
    for i in range(80, 0, -1):
        j = rng.below(i + 1)
        cells[i], cells[j] = cells[j], cells[i]
    puzzle = [[0] * 9 for _ in range(9)]
    for r, c in cells[:givens]:
        puzzle[r][c] = grid[r][c]
    return puzzle


def solve_sudoku(puzzle):
    cells = [[Variable("r%dc%d" % (r, c), 1, 9) for c in range(9)] for r in range(9)]
    constraints = []
    for i in range(9):
        constraints.append(AllDifferent(cells[i]))
        constraints.append(AllDifferent([cells[r][i] for r in range(9)]))
        br, bc = 3 * (i // 3), 3 * (i % 3)
        constraints.append(AllDifferent([cells[br + r][bc + c] for r in range(3) for c in range(3)]))
    variables = [v for row in cells for v in row]
    for r in range(9):
        for c in range(9):
            if puzzle[r][c]:
                v = cells[r][c]
                v.bits = 1 << puzzle[r][c]
                v.count = 1
    solver = Solver(variables, constraints)
    ok = solver.solve()
    rows = ["".join(str(v.value) for v in row) for row in cells]
    return ok, rows, solver


def solve_queens(n):
    queens = [Variable("q%d" % i, 0, n - 1) for i in range(n)]
    constraints = [AllDifferent(queens)]
    for i in range(n):
        for j in range(i + 1, n):
            constraints.append(NotEqual(queens[i], queens[j], j - i))
            constraints.append(NotEqual(queens[i], queens[j], i - j))
    solver = Solver(queens, constraints)
    ok = solver.solve()
    return ok, [q.value for q in queens], solver


def solve_magic(n):
    total = n * (n * n + 1) // 2
    cells = [[Variable("m%d%d" % (r, c), 1, n * n) for c in range(n)] for r in range(n)]
    variables = [v for row in cells for v in row]
    constraints = [AllDifferent(variables)]
    for i in range(n):
        constraints.append(Sum(cells[i], total))
        constraints.append(Sum([cells[r][i] for r in range(n)], total))
    constraints.append(Sum([cells[i][i] for i in range(n)], total))
    constraints.append(Sum([cells[i][n - 1 - i] for i in range(n)], total))
    solver = Solver(variables, constraints)
    ok = solver.solve()
    return ok, [[v.value for v in row] for row in cells], solver


rng = Lcg(2024)
nodes = 0
props = 0
digest = 0
for k in range(N):
    ok, rows, solver = solve_sudoku(sudoku_puzzle(rng, 18 + k % 8))
    nodes += solver.nodes
    props += solver.propagations
    for row in rows:
        digest = (digest * 1000003 + int(row)) % 1000000007
    if k == 0:
        print("sudoku", ok, rows[0], rows[4], rows[8])
print("sudokus", N, "nodes", nodes, "propagations", props, "digest", digest)
for n in (8, 16, min(48, 9 + N)):
    ok, queens, solver = solve_queens(n)
    print("queens", n, ok, queens, "nodes", solver.nodes, "propagations", solver.propagations)
ok, square, solver = solve_magic(3 if N < 4 else 4)
print("magic", ok, square, "nodes", solver.nodes, "propagations", solver.propagations)
