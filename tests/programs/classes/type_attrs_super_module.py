# type attributes as getsets of type (object.__getattribute__, setting/deleting with CPython's checks), __dict__ through a base's descriptor, super as a descriptor and subclassable, module.__init__, ModuleType.__new__ without a name, PEP 562 module __getattr__
import sys
class C:
    "doc"
print(object.__getattribute__(C, '__name__'), object.__getattribute__(int, '__bases__'), type.__dict__['__mro__'].__get__(bool))
C.__doc__ = 'banana'; C.__module__ = 'mod'; C.__name__ = 'D'; C.__qualname__ = 'Q.D'
print(C.__doc__, C.__module__, C.__name__, C.__qualname__, C)
for f in [lambda: type.__dict__['__doc__'].__set__(list, 'x'), lambda: type.__dict__['__doc__'].__delete__(C),
          lambda: delattr(C, '__name__'), lambda: setattr(C, '__name__', 3), lambda: setattr(C, '__qualname__', None),
          lambda: setattr(int, '__doc__', 'x'), lambda: type.__dict__['__name__'].__get__(3),
          lambda: setattr(C, '__mro__', ()), lambda: setattr(C, '__dict__', {})]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Base: pass
class Meta1(type, Base): pass
class D(metaclass=Meta1): pass
d = Base.__dict__['__dict__']
class Module1(type(sys), Base): pass
m = Module1('spam')
for f in [lambda: d.__set__(D, {}), lambda: d.__delete__(D), lambda: d.__set__(m, {}), lambda: d.__delete__(m),
          lambda: d.__get__(3)]:
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(d.__get__(m) is m.__dict__, m.__name__, m.__doc__)
try:
    class M(type):
        __slots__ = ('x',)
except TypeError as e:
    print(e)
class A:
    def meth(self, a): return "A(%r)" % a
class B(A):
    def meth(self, a): return "B(%r)" % a + self.__super.meth(a)
B._B__super = super(B)
class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)
class E(B):
    def meth(self, a): return "E(%r)" % a + mysuper(E, self).meth(a)
print(B().meth(1), E().meth(2), super(B).__get__(None, B) is not None, type(mysuper(E)).__name__)
s = super(B, B())
print(s.__thisclass__.__name__, s.__self_class__.__name__, super(B).__self__)
class Proxy:
    def __init__(self, obj): self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith('_Proxy__'): return object.__getattribute__(self, name)
        return getattr(self.__obj, name)
print(super(B, Proxy(B())).meth(3))
MT = type(sys)
class MM(MT):
    def __init__(self, name):
        MT.__init__(self, name)
        self.extra = 1
mm = MM('a'); print(mm.__name__, mm.extra, mm.__spec__)
u = MT.__new__(MT)
print(repr(u), hasattr(u, '__name__'), u.__dict__)
u.foo = 1; print(u.__dict__)
try:
    u.bar
except AttributeError as e:
    print(e)
lazy = MT('lazy')
lazy.__getattr__ = lambda name: 'computed ' + name
print(lazy.anything)
class W:
    __slots__ = ['__weakref__']
class Dd:
    __slots__ = ['__dict__']
class C1(W, Dd):
    __slots__ = []
a = C1(); a.foo = 42; print(a.__dict__, hasattr(a, '__weakref__'))
class Sa:
    __slots__ = ()
class Sb:
    pass
class Sc(Sa, Sb):
    __slots__ = ()
Sc().x = 2; print(hasattr(Sc, '__dict__'), hasattr(Sc, '__weakref__'))
