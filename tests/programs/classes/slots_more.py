# __slots__: restricted attributes, no __dict__, inheritance of slots
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
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
print(P.__slots__)
print(type(P.x).__name__)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(5, 6)
r.w = 7
print(r.x, r.y, r.w)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)
class Single:
    __slots__ = "only"
o = Single()
o.only = "yes"
print(o.only)
