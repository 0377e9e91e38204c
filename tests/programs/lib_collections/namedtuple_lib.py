# collections.namedtuple from CPython's Lib/ (its class is built with exec): fields, defaults, methods, errors
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
print(Point.__doc__, Point.x.__doc__, repr(Point.__new__.__doc__))
Color = namedtuple("Color", ["red", "green", "blue"], defaults=[0, 255], module="paint")
print(Color(1), Color._field_defaults, Color.__module__, Color.__qualname__)
R = namedtuple("R", "def class _x", rename=True)
print(R._fields, R(1, 2, 3))
for bad in [("1x", "a"), ("N", "a a"), ("N", "_a"), ("N", "a def")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print("ValueError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
import pickle, copy
print(pickle.loads(pickle.dumps(p)) == p, copy.copy(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, isinstance(p, tuple), Point.__match_args__)
match p:
    case Point(x=1, y=yy):
        print("matched", yy)
