# isinstance/issubclass as CPython's abstract.c: objects standing for classes through __bases__ and __class__, errors they raise, recursion limits, unions
class AbstractClass:
    def __init__(self, bases): self.bases = bases
    def getbases(self): return self.bases
    __bases__ = property(getbases)
    def __call__(self): return AbstractInstance(self)
class AbstractInstance:
    def __init__(self, klass): self.klass = klass
    def getclass(self): return self.klass
    __class__ = property(getclass)
AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
class Super: pass
class Child(Super): pass
print(isinstance(AbstractChild(), AbstractChild), isinstance(AbstractChild(), AbstractSuper),
      isinstance(AbstractSuper(), AbstractChild), issubclass(AbstractChild, AbstractSuper),
      issubclass(AbstractSuper, AbstractChild), issubclass(AbstractChild, (Super, AbstractSuper)))
class Proxy:
    __class__ = property(lambda self: Child)
print(isinstance(Proxy(), Super), isinstance(Proxy(), Proxy), type.__instancecheck__(Super, Proxy()),
      type.__subclasscheck__(Super, Child), type.__subclasscheck__(Super, AbstractChild))
class NoBases:
    pass
class BadBases:
    __bases__ = property(lambda self: 1 / 0)
class RaisingClass:
    __class__ = property(lambda self: [][0])
tests = [lambda: isinstance(1, NoBases()), lambda: issubclass(NoBases(), int),
         lambda: issubclass(int, NoBases()), lambda: isinstance(1, BadBases()),
         lambda: issubclass(BadBases(), int), lambda: isinstance(RaisingClass(), AbstractSuper),
         lambda: issubclass(2, Child | Super), lambda: issubclass(int, list[int] | Child),
         lambda: isinstance(1, (int, 3)), lambda: isinstance(1, (3, int))]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
class Cyc:
    @property
    def __bases__(self): return (self, self, self)
try:
    issubclass(Cyc(), int)
except RecursionError as e:
    print('RecursionError', e)
nested = int
for i in range(5000):
    nested = (nested,)
for f in (isinstance, issubclass):
    try:
        f(1 if f is isinstance else int, nested)
    except RecursionError as e:
        print('RecursionError', e)
print(issubclass(int, int | float | int), issubclass(str, str | Child | str), issubclass(dict, float | str))
