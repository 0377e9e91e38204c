# Inline caches must never return a stale value: the class, its bases and
# its instances change while the same instructions keep running.

class Base:
    kind = "base"
    def greet(self):
        return "hello"

class Point(Base):
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return self.x * self.x + self.y * self.y

def probe(p):
    # LOAD_ATTR (instance dict, class attribute), LOAD_METHOD, STORE_ATTR
    p.y = p.y + 1
    return (p.x, p.y, p.kind, p.greet(), p.norm())

def run(label, n=120):
    p = Point(1, 2)
    last = None
    for i in range(n):
        last = probe(p)
    print(label, last)

run("plain")
Point.norm = lambda self: -1                    # method replaced on the class
run("norm replaced")
Base.greet = lambda self: "hi from base"        # method replaced on a base
run("base greet replaced")
Base.kind = "changed"                           # class attribute on a base
run("base kind changed")
Point.kind = "own"                              # shadows the base's
run("own kind")
del Point.kind                                  # and goes away again
run("own kind deleted")
del Point.norm
try:
    run("norm deleted")
except AttributeError as e:
    print("AttributeError:", e)
Point.norm = lambda self: self.x

# A data descriptor added to the class takes precedence over the instance dict.
def probe_x(p):
    return p.x
p = Point(5, 6)
for i in range(100):
    r = probe_x(p)
print("x from the dict:", r)
Point.x = property(lambda self: 1000)
for i in range(100):
    r = probe_x(p)
print("x from the property:", r)
del Point.x
for i in range(100):
    r = probe_x(p)
print("x from the dict again:", r)

# An instance attribute that shadows a method (LOAD_METHOD's dict check).
q = Point(3, 4)
def call_norm(p):
    return p.norm()
out = []
for i in range(200):
    if i == 100:
        q.norm = lambda: "instance's own"
    if i == 150:
        del q.norm
    out.append(call_norm(q))
print(out[99], out[100], out[149], out[150], out[199])

# __getattr__ and __getattribute__ added later.
class G:
    def __init__(self):
        self.a = 1
def get_a_b(g):
    try:
        return (g.a, g.b)
    except AttributeError as e:
        return ("AttributeError", str(e))
g = G()
for i in range(60):
    r = get_a_b(g)
print(r)
G.__getattr__ = lambda self, name: "fallback " + name
for i in range(60):
    r = get_a_b(g)
print(r)
G.__getattribute__ = lambda self, name: "always " + name
for i in range(60):
    r = get_a_b(g)
print(r)
del G.__getattribute__
del G.__getattr__
for i in range(60):
    r = get_a_b(g)
print(r)

# __class__ assignment: the same instance, another class.
class A:
    def who(self):
        return "A"
    val = "A.val"
class B:
    def who(self):
        return "B"
    val = "B.val"
o = A()
res = []
for i in range(120):
    if i == 60:
        o.__class__ = B
    res.append((o.who(), o.val))
print(res[59], res[60], res[119])

# Deleting instance attributes under a cached load, then re-adding them.
class C:
    pass
c = C()
c.a, c.b, c.c = 1, 2, 3
def load_b(c):
    try:
        return c.b
    except AttributeError as e:
        return str(e)
vals = []
for i in range(150):
    if i == 50:
        del c.b
    if i == 100:
        c.b = "back"
    vals.append(load_b(c))
print(vals[49], vals[50], vals[99], vals[100], vals[149])

# Many instances of one class, and a subclass sharing the call site.
class D(Point):
    def norm(self):
        return "D.norm"
pts = [Point(i, i) if i % 3 else D(i, i) for i in range(30)]
print([call_norm(p) for p in pts][:7])
