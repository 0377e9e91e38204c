# LOAD_ATTR_SLOT, STORE_ATTR_SLOT, LOAD_METHOD_CLASS: slots deleted and replaced by class attributes, subclasses at the same site, class functions replaced mid-loop
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)


class R(P):
    pass


def read(o):
    try:
        return o.x + o.y
    except AttributeError as e:
        return "AttributeError: " + str(e)


def write(o, v):
    try:
        o.x = v
        return o.x
    except AttributeError as e:
        return "AttributeError: " + str(e)


objs = [P(1, 2), Q(3, 4), R(5, 6), P(7, 8)]
print([read(o) for o in objs], [write(o, 9) for o in objs])
p = P(1, 2)
out = []
for i in range(6):
    out.append(read(p))
    if i == 1:
        del p.y
    if i == 2:
        p.y = 10
    if i == 3:
        P.y = property(lambda self: "prop")
print(out)
out = []
for i in range(4):
    out.append(write(p, i))
    if i == 1:
        P.x = property(lambda self: "px")
print(out)


class K:
    def make(n):
        return n * 2

    def other(n):
        return "other"

    @staticmethod
    def st(n):
        return n - 1


class Meta(type):
    def make(cls, n):
        return "meta"


class M(metaclass=Meta):
    def make(n):
        return "own"


res = []
for i in range(6):
    res.append((K.make(i), K.st(i), M.make(i)))
    if i == 2:
        K.make = K.other
    if i == 3:
        K.make = staticmethod(lambda n: "static")
print(res)
for cls in (int, str, K):
    try:
        print(cls.__name__, cls.make(3) if cls is K else cls.__add__(cls(1), cls(1)))
    except TypeError as e:
        print("TypeError:", e)
