# abc and numbers from Lib/: ABCMeta, abstractmethod/abstractproperty/abstractclassmethod, register, __subclasshook__, numbers tower
import abc
import numbers
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...

try:
    Shape()
except TypeError as e:
    print('TypeError', e)

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return 'square'
    @classmethod
    def make(cls): return cls(2)
sq = Square.make()
print(sq.area(), sq.name, isinstance(sq, Shape), Shape.__abstractmethods__ == frozenset({'area', 'name', 'make'}))
print(sorted(Square.__abstractmethods__), abc.get_cache_token() is not None)

class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print('TypeError', e)

class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return hasattr(C, 'draw') or NotImplemented
        return NotImplemented
class Pic:
    def draw(self): pass
print(issubclass(Pic, Drawable), isinstance(Pic(), Drawable), issubclass(int, Drawable))

class Registered(ABC): pass
Registered.register(tuple)
print(issubclass(tuple, Registered), isinstance((), Registered), issubclass(list, Registered))
@Registered.register
class Later: pass
print(issubclass(Later, Registered), Later.__name__)

class Legacy(ABC):
    @abc.abstractproperty
    def p(self): ...
    @abc.abstractstaticmethod
    def s(): ...
print(sorted(Legacy.__abstractmethods__), abc.update_abstractmethods(Square) is Square)

print(isinstance(3, numbers.Integral), isinstance(3.5, numbers.Real), isinstance(1j, numbers.Complex),
      isinstance(3, numbers.Number), isinstance(3.5, numbers.Integral), issubclass(bool, numbers.Integral))
print(isinstance('x', numbers.Number), issubclass(float, numbers.Rational))

class MyNum(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    __index__ = __int__
    def __abs__(self): return MyNum(abs(self.v))
    def __add__(s, o): return MyNum(s.v + int(o))
    __radd__ = __add__
    def __and__(s, o): return s.v & int(o)
    __rand__ = __and__
    def __ceil__(s): return s.v
    def __eq__(s, o): return s.v == int(o)
    def __floor__(s): return s.v
    def __floordiv__(s, o): return s.v // int(o)
    __rfloordiv__ = __floordiv__
    def __invert__(s): return ~s.v
    def __le__(s, o): return s.v <= int(o)
    def __lshift__(s, o): return s.v << int(o)
    __rlshift__ = __lshift__
    def __lt__(s, o): return s.v < int(o)
    def __mod__(s, o): return s.v % int(o)
    __rmod__ = __mod__
    def __mul__(s, o): return MyNum(s.v * int(o))
    __rmul__ = __mul__
    def __neg__(s): return MyNum(-s.v)
    def __or__(s, o): return s.v | int(o)
    __ror__ = __or__
    def __pos__(s): return s
    def __pow__(s, o, m=None): return s.v ** int(o)
    __rpow__ = __pow__
    def __round__(s, n=None): return s.v
    def __rshift__(s, o): return s.v >> int(o)
    __rrshift__ = __rshift__
    def __truediv__(s, o): return s.v / int(o)
    __rtruediv__ = __truediv__
    def __trunc__(s): return s.v
    def __xor__(s, o): return s.v ^ int(o)
    __rxor__ = __xor__
    def __hash__(s): return hash(s.v)
n = MyNum(6)
print(int(n + 1), float(n), n.numerator is n, n.denominator, n.real is n, n.imag, complex(n), isinstance(n, numbers.Rational))
print([1, 2, 3, 4, 5, 6, 7][n], bin(n), n.conjugate().v)
