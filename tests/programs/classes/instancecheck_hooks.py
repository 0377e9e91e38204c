# isinstance/issubclass through a metaclass's __instancecheck__/__subclasscheck__, a __class__ property, tuples of classes; TypeError messages
class Meta(type):
    def __instancecheck__(cls, inst):
        print("check", cls.__name__, inst)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print("subcheck", cls.__name__, sub.__name__)
        return sub is int
class Any(metaclass=Meta): pass
print(isinstance(42, Any), isinstance(3, Any), isinstance(Any(), Any))
print(issubclass(int, Any), issubclass(str, Any), issubclass(Any, Any))
print(isinstance(42, (str, Any)))
class P:
    @property
    def __class__(self): return int
print(isinstance(P(), int), isinstance(P(), P))
class M2(type): pass
class X(metaclass=M2): pass
print(isinstance(X(), X), issubclass(X, X), isinstance(1, X))
try: isinstance(1, 2)
except TypeError as e: print(e)
try: issubclass(1, int)
except TypeError as e: print(e)
