# enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, members, aliases, _missing_, functional API, pickling by copy
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
import copy

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # alias

print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.name, Color.RED.value, type(Color.RED))
print([m for m in Color.__members__], Color.RED in Color, isinstance(Color.RED, Color))
print(hash(Color.RED) == hash(Color.RED), Color.RED == 1, Color.RED != Color.BLUE)
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)

class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE + 1, Shape.SQUARE < 3, int(Shape.SQUARE), f"{Shape.CIRCLE}", str(Shape.CIRCLE), repr(Shape.CIRCLE))
print(sorted([Shape.SQUARE, Shape.CIRCLE]), Shape(2))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), list(Perm), rw is Perm.RW)
print(~Perm.R, Perm.RW & Perm.W, Perm.R ^ Perm.RW, [p.name for p in rw])

class IP(IntFlag):
    A = 1
    B = 2
    C = 4
print(IP.A | IP.C, IP.A | 8, int(IP.B | IP.C), repr(IP.A | IP.B), IP(3))

class S(StrEnum):
    a = auto()
    b = 'bee'
print(S.a, S.b.upper(), S.a == 'a', f"{S.b}", repr(S.a))

class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)
print(Planet.EARTH.gravity, Planet.MARS.value, Planet.MARS.mass)

class Ordered(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    ALPHA = auto()
    BETA = auto()
print(Ordered.ALPHA.value, Ordered('beta'))

class Fallback(Enum):
    ONE = 1
    @classmethod
    def _missing_(cls, value):
        return cls.ONE
print(Fallback(99))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Num = IntEnum('Num', [('ONE', 1), ('TWO', 2)])
print(Num.TWO, Num.TWO * 2)

print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Perm.RW) is Perm.RW)
print(Color.RED.__reduce_ex__(4))

class Mixin(str, Enum):
    X = 'x'
print(Mixin.X, Mixin.X.value, Mixin.X == 'x', format(Mixin.X))

class WithMethods(Enum):
    A = 1
    B = 2
    def describe(self):
        return f'{self.name}={self.value}'
    @classmethod
    def first(cls):
        return next(iter(cls))
print(WithMethods.B.describe(), WithMethods.first(), dir(WithMethods.A)[:4])
print(enum.EnumType, type(Color), Color.__name__, Color.RED.__class__.__name__)
match Color.GREEN:
    case Color.RED:
        print('red')
    case Color.GREEN:
        print('green')
