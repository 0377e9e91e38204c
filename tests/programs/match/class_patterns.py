# Class patterns with __match_args__, keyword sub-patterns, inheritance and errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Circle:
    def __init__(self, c, r):
        self.center, self.radius = c, r

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=0) | Point(y=0):
            return "on an axis"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(center=Point(x=cx, y=cy), radius=r) if r > 0:
            return f"circle at {cx},{cy} r={r}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point3(0, 0, 0), Point3(0, 5, 1), Point(0, 3), Point(4, 0), Point(2, 2),
          Point(1, 2), Circle(Point(1, 1), 3), Circle(Point(1, 1), 0), "pt"]:
    print(where(p))

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
class BadArgs:
    __match_args__ = ["a"]
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print(e)
class Missing:
    __match_args__ = ("nothere",)
match Missing():
    case Missing(1):
        print("matched?")
    case _:
        print("missing attribute means no match")
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print(e)
class Color:
    RED = 1
    GREEN = 2
match 2:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
