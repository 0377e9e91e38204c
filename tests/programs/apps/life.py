# Conway's game of life on a torus and on an unbounded set-of-tuples board; pattern detection
class Torus:
    def __init__(self, w, h, live=()):
        self.w, self.h = w, h
        self.cells = [[0] * w for _ in range(h)]
        for x, y in live:
            self.cells[y % h][x % w] = 1
        self.generation = 0
    @classmethod
    def parse(cls, picture, w, h, ox=0, oy=0):
        live = [(x + ox, y + oy) for y, row in enumerate(picture.strip("\n").split("\n"))
                for x, ch in enumerate(row) if ch == "O"]
        return cls(w, h, live)
    def neighbours(self, x, y):
        n = 0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if dx or dy:
                    n += self.cells[(y + dy) % self.h][(x + dx) % self.w]
        return n
    def step(self):
        new = [[0] * self.w for _ in range(self.h)]
        for y in range(self.h):
            for x in range(self.w):
                n = self.neighbours(x, y)
                alive = self.cells[y][x]
                new[y][x] = 1 if n == 3 or (alive and n == 2) else 0
        self.cells = new
        self.generation += 1
        return self
    def population(self):
        return sum(map(sum, self.cells))
    def key(self):
        return tuple(tuple(r) for r in self.cells)
    def __str__(self):
        return "\n".join("".join("O" if c else "." for c in row) for row in self.cells)
GLIDER = """
.O.
..O
OOO
"""
BLINKER = "OOO"
TOAD = """
.OOO
OOO.
"""
RPENT = """
.OO
OO.
.O.
"""
def run_until_repeat(board, limit):
    seen = {board.key(): 0}
    for g in range(1, limit + 1):
        board.step()
        k = board.key()
        if k in seen:
            return seen[k], g - seen[k]
        seen[k] = g
    return None, None
b = Torus.parse(GLIDER, 8, 8, 1, 1)
for gen in range(5):
    print("generation", b.generation, "population", b.population())
    print(b)
    b.step()
start, period = run_until_repeat(Torus.parse(GLIDER, 8, 8), 100)
print("glider on 8x8 torus: repeats from gen", start, "with period", period)
for name, pic in [("blinker", BLINKER), ("toad", TOAD)]:
    t = Torus.parse(pic, 6, 6, 1, 2)
    print(name, "start/period:", run_until_repeat(t, 20))
def step_set(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    counts[(x + dx, y + dy)] = counts.get((x + dx, y + dy), 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def bbox(live):
    xs = [x for x, _ in live]
    ys = [y for _, y in live]
    return min(xs), min(ys), max(xs), max(ys)
def render(live):
    x0, y0, x1, y1 = bbox(live)
    return "\n".join("".join("O" if (x, y) in live else "." for x in range(x0, x1 + 1)) for y in range(y0, y1 + 1))
live = {(x, y) for y, row in enumerate(RPENT.strip().split("\n")) for x, ch in enumerate(row) if ch == "O"}
history = []
for g in range(120):
    if g % 20 == 0:
        history.append((g, len(live), bbox(live)))
    live = step_set(live)
for h in history:
    print("r-pentomino gen %3d: population %3d, bbox %s" % h)
print("after 120 generations:", len(live), "cells")
print(render(step_set(step_set({(0, 0), (1, 0), (2, 0)}))))
t = Torus(5, 5, [(0, 0), (1, 0), (0, 1), (1, 1)])
t.step().step()
print("block is still life:", t.population() == 4, t.key() == Torus(5, 5, [(0, 0), (1, 0), (0, 1), (1, 1)]).key())
empty = Torus(4, 4)
print("empty stays empty:", empty.step().population(), str(empty).count("."))
