# match: class patterns with __match_args__, keyword patterns, builtin type patterns, nesting
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h
def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin point"
        case Point(x, y) if x == y:
            return "diagonal point %d" % x
        case Point(x=px, y=0):
            return "point on x axis %d" % px
        case Circle(Point(0, 0), r):
            return "circle at origin r=%d" % r
        case Circle(center=Point(x, y), r=r) if r > 10:
            return "big circle at %d,%d" % (x, y)
        case Circle():
            return "some circle"
        case Rect(w=w, h=h) if w == h:
            return "square %d" % w
        case Rect(corner=Point(x, y)):
            return "rect at %d,%d" % (x, y)
        case int(n) | float(n):
            return "number %r" % n
        case str() as s:
            return "string " + s
        case [Point(), *_] as pts:
            return "list of %d points" % len(pts)
        case _:
            return "unknown"
for s in [Point(0, 0), Point(4, 4), Point(7, 0), Point(1, 2), Circle(Point(0, 0), 3),
          Circle(Point(1, 1), 20), Circle(Point(1, 1), 2), Rect(Point(0, 0), 5, 5),
          Rect(Point(2, 3), 1, 9), 42, 2.5, "hi", [Point(1, 1), Point(2, 2)], None]:
    print(describe(s))
class Bad:
    __match_args__ = ("a",)
try:
    match Rect(Point(0, 0), 1, 2):
        case Rect(a):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
