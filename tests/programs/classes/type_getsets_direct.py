# type's getsets called directly on builtin and heap types (immutable-type checks, __abstractmethods__ recorded as CPython does), weak references to str/int subclasses, __new__.__self__, union/alias members, int() of a buffer
import types, weakref
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: type.__dict__['__abstractmethods__'].__set__(int, ()))
t(lambda: type.__dict__['__abstractmethods__'].__delete__(int))
t(lambda: type.__dict__['__abstractmethods__'].__delete__(int))
t(lambda: type.__dict__['__annotations__'].__set__(int, {}))
t(lambda: type.__dict__['__bases__'].__set__(int, (object,)))
t(lambda: type.__dict__['__name__'].__set__(int, 'x'))
t(lambda: type.__dict__['__qualname__'].__set__(int, 'x'))
t(lambda: type.__dict__['__module__'].__set__(int, 'x'))
t(lambda: type.__dict__['__doc__'].__set__(int, 'x'))
class M(type): pass
class C(metaclass=M): pass
t(lambda: type(C.__dict__).__name__)
t(lambda: C.__dict__['__module__'])
class W(str): pass
class I(int): pass
t(lambda: type(weakref.ref(W('a'))).__name__)
t(lambda: weakref.ref(I(1)))
t(lambda: int.__new__.__self__)
t(lambda: hasattr(int.__add__, '__self__'))
t(lambda: (1).__add__.__self__)
t(lambda: classmethod.__init__(classmethod(len)))
x = int | str
t(lambda: x.__args__)
t(lambda: x.__parameters__)
t(lambda: list[int].__args__)
t(lambda: C.__flags__ & (1 << 9))
t(lambda: int.__flags__ & (1 << 9))
class Abs:
    pass
Abs.__abstractmethods__ = frozenset({'f'})
t(lambda: Abs())
del Abs.__abstractmethods__
t(lambda: type(Abs()).__name__)
t(lambda: types.ModuleType.__new__(types.ModuleType).x)
t(lambda: int(memoryview(b'12')))
t(lambda: int(memoryview(b'1x')))
t(lambda: int(bytearray(b' 42 ')))
