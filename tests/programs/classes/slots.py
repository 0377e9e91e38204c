# __slots__: no instance dict, member descriptors, inheritance
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.__dict__
except AttributeError as e:
    print(e)
del p.y
try:
    p.y
except AttributeError as e:
    print(e)
try:
    del p.y
except AttributeError as e:
    print(e)
print(P.x, type(P.x).__name__)
print(hasattr(p, "x"), hasattr(p, "y"))

class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 1
except AttributeError as e:
    print(e)

class R(P):
    pass
r = R(5, 6)
r.extra = 7
print(r.x, r.extra, r.__dict__)

class One:
    __slots__ = "only"
o = One()
o.only = 1
print(o.only)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
