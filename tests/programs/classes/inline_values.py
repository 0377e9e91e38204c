# instance attributes kept as inline values (shared keys) until __dict__ is needed: vars(), __dict__ assignment, del, order, many names, __class__ assignment, cached sites
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


ps = [P(i, i * 2) for i in range(50)]
print(sum(p.x + p.y for p in ps), sum(p.norm1() for p in ps))
p = ps[0]
print(vars(p), p.__dict__, p.__dict__ is vars(p))
p.z = 3
print(vars(p))
q = ps[1]
q.w = 1
q.z = 2
print(vars(q))
del q.x
print(vars(q), hasattr(q, "x"))
try:
    q.x
except AttributeError as e:
    print("AttributeError", e)
try:
    del ps[2].nope
except AttributeError as e:
    print("AttributeError", e)
q.x = 9
print(vars(q), q.x)

# the dict handed out is the instance's own, from then on
r = P(1, 2)
d = r.__dict__
d["added"] = 5
r.y = 20
print(r.added, d, vars(r))
r.__dict__ = {"a": 1}
print(r.a, vars(r), hasattr(r, "x"))
r.b = 5
print(vars(r))
del r.__dict__
print(vars(r))

# names set in another order than the class's first instances
class Order:
    def __init__(self, flip):
        if flip:
            self.b = 2
            self.a = 1
        else:
            self.a = 1
            self.b = 2

print([list(vars(Order(f))) for f in (False, True, False, True)])

# a subclass, super().__init__, __class__ assignment both ways
class Q(P):
    def __init__(self):
        super().__init__(1, 2)
        self.k = "q"

print(vars(Q()))
s = P(3, 4)
s.__class__ = Q
print(s.x, s.y, type(s).__name__, vars(s))
s.k = "set later"
print(vars(s))
t = Q()
t.__class__ = P
t.extra = 1
print(vars(t))

# more names than the shared keys hold, in either order
class Many:
    pass

for trial in range(3):
    m = Many()
    for i in range(45):
        setattr(m, "a%d" % i, i)
    print(len(vars(m)), list(vars(m))[:3], list(vars(m))[-2:], m.a44, m.a29, m.a30)
m2 = Many()
for i in range(45):
    setattr(m2, "a%d" % (44 - i), i)
print(list(vars(m2))[:3], m2.a0)

# names that are not interned, or not exact str
u = P(1, 2)
setattr(u, "".join(["y"]), 7)
setattr(u, "".join(["n", "ew"]), 8)
print(u.y, u.new, vars(u), getattr(u, "".join(["x"])))

class S(str):
    pass

v = P(1, 2)
setattr(v, S("x"), 10)
print(v.x, vars(v), type(list(vars(v))[0]).__name__)

# copy, pickle, dir
import copy
import pickle

w = P(5, 6)
w.tag = "w"
print(vars(copy.copy(w)), vars(copy.deepcopy(w)), vars(pickle.loads(pickle.dumps(w))))
print([n for n in dir(P(0, 0)) if not n.startswith("__")])

# a method shadowed by an instance attribute, at a cached call site
class M:
    def __init__(self):
        self.v = 1

    def f(self):
        return "method"

objs = [M() for _ in range(20)]
objs[15].f = lambda: "instance"
print([o.f() for o in objs])

# a cached load site meeting instances whose values became a dict
def total(items):
    return sum(o.x for o in items)

items = [P(i, 0) for i in range(30)]
for i in range(0, 30, 3):
    vars(items[i])
print(total(items), total(items[::-1]))
items[4].__dict__ = {"x": 1000}
print(total(items))

# a class attribute, a property and a slot next to inline values
class Mixed:
    kind = "cls"

    def __init__(self):
        self.a = 1

    @property
    def double(self):
        return self.a * 2

mx = [Mixed() for _ in range(10)]
print([(o.a, o.kind, o.double) for o in mx][:2])
mx[3].kind = "own"
print([o.kind for o in mx])
Mixed.double = 5
print(mx[0].double)
