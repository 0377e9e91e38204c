# LOAD_ATTR_BOUND_METHOD: obj.meth read but not called at that instruction
# (vm/bytecodes.h).  Each site runs often enough to specialize, then the
# class, the instance or the method changes under it: the cached form
# must give what the generic lookup gives.
import random


class A:
    def meth(self):
        return "A.meth", id(self) == id(self)

    def other(self):
        return "A.other"


class B(A):
    def meth(self):
        return "B.meth"


class C(A):
    pass


def read(obj):
    return obj.meth             # the site under test


def run(label, obj, n=40):
    seen = []
    for _ in range(n):
        m = read(obj)
        seen.append(m())
    print(label, seen[0], seen[-1], len(set(map(str, seen))))


a = A()
run("plain", a)
f = read(a)
print("bound", f.__self__ is a, f.__func__ is A.__dict__["meth"], f == read(a), f is read(a))

# The instance's own attribute shadows the method, then goes again.
a.meth = lambda: "own"
run("shadowed", a)
del a.meth
run("unshadowed", a)

# The class's method replaced, then the class given a property of that name.
A.meth = lambda self: "replaced"
run("replaced", a)
A.meth = property(lambda self: (lambda: "property"))
run("property", a)
A.meth = A.other
run("restored", a)

# Other classes at the same site (the second chance), a subclass overriding.
for obj in (B(), C(), A(), B()):
    run(type(obj).__name__, obj, 10)

# A builtin type's method read off an instance of a Python subclass.
class R(random.Random):
    pass


r = R(7)
bits = []
for _ in range(30):
    g = r.getrandbits
    bits.append(g(16))
print("getrandbits", bits[:3], bits[-1], g.__self__ is r, g.__name__)


class L(list):
    pass


lst = L()
for i in range(30):
    add = lst.append
    add(i)
print("append", len(lst), lst[-1], add.__self__ is lst)
lst.append = "shadow"
print("shadowed append", read.__code__ is not None, lst.append)

# A dict replaced wholesale, and a class whose __dict__ holds the name later.
c = C()
for _ in range(30):
    m = c.other
c.__dict__ = {"other": "from new dict"}
print("new dict", c.other)
c.__dict__ = {}
print("empty dict", c.other())

# classmethod and staticmethod are not plain methods: read through the generic path.
class K:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "static"


k = K()
for _ in range(30):
    x, y = k.cm, k.sm
print("classmethod", x(), y())

# An error raised by the read after the method is deleted from the class.
class D:
    def gone(self):
        return 1


d = D()
for _ in range(30):
    h = d.gone
del D.gone
try:
    d.gone
except AttributeError as e:
    print("deleted", e)
