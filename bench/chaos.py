# chaos.py — the chaos game: iterated function systems (a Sierpinski triangle, a
# Barnsley-style fern, a spiral of rotations) drawn by applying randomly chosen
# affine maps to a point, hits counted on a grid, plus a Point class with
# operators for the polygon variant. Random choices come from random.Random
# (the same Mersenne Twister in pvm and CPython), weighted with bisect on the
# cumulative weights. Measures float arithmetic in a tight loop (mixed
# int/float, multiply-add, comparisons), random.random(), bisect, float-to-int
# conversion, list indexing, and small-object creation in the Point variant.
import math
import random
from bisect import bisect

N = 650000  # small: 2500


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    def toward(self, other, r):
        return Point(self.x + (other.x - self.x) * r, self.y + (other.y - self.y) * r)


class Transform:
    def __init__(self, a, b, c, d, e, f, weight):
        self.coeffs = (a, b, c, d, e, f)
        self.weight = weight


FERN = (Transform(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
        Transform(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
        Transform(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
        Transform(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7))

SIERPINSKI = (Transform(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1),
              Transform(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1),
              Transform(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 1))


def spiral():
    maps = []
    for k in range(5):
        angle = 2 * math.pi * k / 5 + 0.3
        s = 0.45
        c, d = math.cos(angle) * s, math.sin(angle) * s
        maps.append(Transform(c, -d, d, c, 0.5 * math.cos(angle), 0.5 * math.sin(angle), 2 + k))
    return tuple(maps)


def ifs(transforms, steps, rng, size, bounds):
    weights = []
    total = 0
    for t in transforms:
        total += t.weight
        weights.append(total)
    coeffs = [t.coeffs for t in transforms]
    xmin, xmax, ymin, ymax = bounds
    sx = (size - 1) / (xmax - xmin)
    sy = (size - 1) / (ymax - ymin)
    grid = [0] * (size * size)
    x, y = 0.0, 0.0
    random = rng.random
    for i in range(steps):
        a, b, c, d, e, f = coeffs[bisect(weights, random() * total)]
        x, y = a * x + b * y + e, c * x + d * y + f
        if i > 20:
            col = int((x - xmin) * sx)
            row = int((y - ymin) * sy)
            if 0 <= col < size and 0 <= row < size:
                grid[row * size + col] += 1
    return grid, x, y


def polygon_game(corners, ratio, steps, rng, size):
    points = [Point(math.cos(2 * math.pi * k / corners), math.sin(2 * math.pi * k / corners))
              for k in range(corners)]
    grid = [0] * (size * size)
    p = Point(0.0, 0.0)
    previous = -1
    half = (size - 1) / 2.0
    for i in range(steps):
        k = rng.randrange(corners)
        if k == previous:           # the "no vertex twice in a row" variant
            continue
        previous = k
        p = p.toward(points[k], ratio)
        grid[int((p.y + 1.0) * half) * size + int((p.x + 1.0) * half)] += 1
    return grid, p


def summary(name, grid, size):
    filled = sum(1 for v in grid if v)
    peak = max(grid)
    h = 0
    for v in grid:
        h = (h * 1000003 + v) % 4294967291
    rows = []
    for r in range(0, size, size // 8):
        row = grid[r * size:(r + 1) * size]
        rows.append("".join(" .:*#"[min(4, v)] for v in row[::size // 32]))
    print(name, "filled", filled, "peak", peak, "hash", h)
    for line in reversed(rows):
        print("  |" + line + "|")


rng = random.Random(12345)
size = 96
grid, x, y = ifs(FERN, N, rng, size, (-2.5, 2.8, 0.0, 10.0))
summary("fern", grid, size)
print("  last", round(x, 9), round(y, 9))
grid, x, y = ifs(SIERPINSKI, N // 2, rng, size, (0.0, 1.0, 0.0, 1.0))
summary("sierpinski", grid, size)
grid, x, y = ifs(spiral(), N, rng, size, (-1.1, 1.1, -1.1, 1.1))
summary("spiral", grid, size)
grid, p = polygon_game(5, 0.38, N // 2, rng, size)
summary("pentagon", grid, size)
print("  last", round(p.x, 9), round(p.y, 9))
