# _abc: an ABCMeta built as Lib/abc.py builds it on the C functions — __abstractmethods__, register, isinstance/issubclass with caches, __subclasshook__, cache token, dump/reset, registry of weak references
from _abc import (get_cache_token, _abc_init, _abc_register, _abc_instancecheck,
                  _abc_subclasscheck, _get_dump, _reset_registry, _reset_caches)

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls
    def register(cls, subclass):
        return _abc_register(cls, subclass)
    def __instancecheck__(cls, instance):
        return _abc_instancecheck(cls, instance)
    def __subclasscheck__(cls, subclass):
        return _abc_subclasscheck(cls, subclass)

class ABC(metaclass=ABCMeta):
    __slots__ = ()

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self): return 'shape'
class Square(Shape):
    def area(self): return 4
class Named(Square):
    def name(self): return 'sq'
for c in (ABC, Shape, Square, Named):
    print(c.__name__, sorted(c.__abstractmethods__), type(c._abc_impl).__name__)

print(isinstance(Named(), Shape), issubclass(Named, Shape), issubclass(int, Shape), isinstance(3, Shape))
t0 = get_cache_token()
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
print(issubclass(list, Sized), issubclass(int, Sized), isinstance('ab', Sized), isinstance(3, Sized))
class Plain:
    pass
print(Sized.register(Plain) is Plain, issubclass(Plain, Sized), get_cache_token() - t0)
class SubPlain(Plain):
    pass
print(issubclass(SubPlain, Sized), isinstance(SubPlain(), Sized), Sized.register(list) is list,
      get_cache_token() - t0)
class Iface(ABC):
    pass
class Impl:
    pass
print(issubclass(Impl, Iface))
Iface.register(Impl)
print(issubclass(Impl, Iface), isinstance(Impl(), Iface))
class Sub(Iface):
    pass
class Deeper(Sub):
    pass
print(issubclass(Deeper, Iface), issubclass(Iface, Deeper))

registry, cache, negative, version = _get_dump(Iface)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache),
      sorted(r().__name__ for r in negative), version == get_cache_token())
_reset_caches(Iface)
print([len(s) for s in _get_dump(Iface)[:3]], issubclass(Impl, Iface))
_reset_registry(Iface)
print(len(_get_dump(Iface)[0]), issubclass(Impl, Iface), issubclass(Impl, Iface))
_reset_caches(Iface)
print(issubclass(Impl, Iface))

class Pretender:
    __class__ = Impl
Iface.register(Impl)
_reset_caches(Iface)
print(isinstance(Pretender(), Iface), isinstance(Pretender(), Impl))

class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
for f in [lambda: Iface.register(3), lambda: Sub.register(Iface), lambda: issubclass(3, Iface),
          lambda: Iface.register(Iface) is Iface, lambda: issubclass(int, Bad),
          lambda: _abc_init(), lambda: _abc_instancecheck(int, 3), lambda: _get_dump(int),
          lambda: _abc_register(Iface), lambda: type(get_cache_token()).__name__]:
    e(f)

class WithTpflags(ABC):
    __abc_tpflags__ = 1 << 5
print('__abc_tpflags__' in WithTpflags.__dict__)
