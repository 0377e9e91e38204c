# object.__new__'s argument checks are cached per class version: mutating __init__/__new__ (on the class or a base) must be seen.
class Base:
    def __init__(self, x):
        self.x = x


class A(Base):
    pass


def make(cls, *args):
    try:
        o = cls(*args)
        return type(o).__name__, sorted(vars(o).items())
    except TypeError as e:
        return "TypeError", str(e)


for round in range(3):
    print(round, make(A, 1), make(Base, 2))
    if round == 0:
        Base.__init__ = object.__init__
    elif round == 1:
        del Base.__init__
print(make(A), make(A, 1))
A.__init__ = lambda self, y: setattr(self, "y", y)
print(make(A, 5), make(Base, 5))
del A.__init__
print(make(A, 5))
Base.__init__ = lambda self, *a: None
print(make(A, 5), make(A))


class N:
    def __init__(self, a, b):
        self.a, self.b = a, b


print(make(N, 1, 2))
N.__new__ = lambda cls, *a: object.__new__(cls)
print(make(N, 3, 4))
N.__new__ = lambda cls, *a: object.__new__(cls, *a)
print(make(N, 5, 6))
classes = [type("C%d" % i, (), {"__init__": lambda self, v: setattr(self, "v", v)}) for i in range(70)]
for c in classes * 2:
    make(c, 1)
classes[5].__init__ = object.__init__
print([make(c, 1)[0] for c in classes[:8]], make(classes[5]))
