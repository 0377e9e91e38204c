# collections.namedtuple: field access, _replace/_asdict/_make, defaults, rename=True, sorting and hashing as tuples, ValueError and TypeError messages
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), p == (1, 2), tuple(p))
x, y = p
print(x + y, p._fields, Point._fields)
q = p._replace(y=10)
print(q, p, q._asdict())
print(Point._make([5, 6]), Point(y=3, x=4))
Color = namedtuple('Color', 'red green blue')
print(Color(255, 128, 0), Color._fields)
P3 = namedtuple('P3', 'a, b, c', defaults=[0, 1])
print(P3(9), P3(9, 8), P3(9, 8, 7), P3._field_defaults)
R = namedtuple('R', ['abc', 'def', 'abc', '_x'], rename=True)
print(R._fields)
print(sorted([Point(3, 1), Point(1, 2), Point(1, 1)]))
print(hash(Point(1, 2)) == hash((1, 2)), isinstance(p, tuple))
print({Point(1, 2): 'a'}[(1, 2)])
for args in [('1x', 'a b'), ('P', 'a class'), ('P', 'a a'), ('P', '_a')]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print(e)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)
try:
    Point._make([1])
except TypeError as e:
    print(e)
