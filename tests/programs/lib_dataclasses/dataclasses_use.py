# dataclasses from Lib/: defaults, field(), order, frozen, asdict/astuple, replace, __post_init__, InitVar, inheritance, slots, kw_only, match_args
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar, FrozenInstanceError, KW_ONLY
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1)
print(p, p == Point(1, 0, []), p != Point(2), repr(Point(3, 4, ['a'])))
print(asdict(Point(1, 2, ['t'])), astuple(Point(5)), replace(p, y=9), [f.name for f in fields(Point)])
print(Point.__match_args__, Point.count, dataclasses.is_dataclass(p), dataclasses.is_dataclass(Point), dataclasses.is_dataclass(3))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, sorted([v2, v1]), max(v1, v2), hash(v1) == hash(Version(1, 2)), {v1: 'a'}[Version(1, 2)])
try:
    v1.major = 3
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False, repr=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h
r = Rect(2, 3, scale=2)
print(r, r.area, [f.name for f in fields(r)])

@dataclass
class Base:
    a: int
    b: str = 'b'
@dataclass
class Child(Base):
    c: float = 1.5
    a: int = 10
print(Child(), Child(1, 'x', 2.0), fields(Child)[0].default)

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))

@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 3
print(KW(a=1), KW(b=1, a=2))
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
print(Mixed(1, b=2))

@dataclass(eq=False)
class NoEq:
    x: int
print(NoEq(1) == NoEq(1), NoEq(1).__eq__(NoEq(1)))

try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError', e)
try:
    Point()
except TypeError as e:
    print('TypeError', e)

C = dataclasses.make_dataclass('C', [('x', int), ('y', int, field(default=5))], namespace={'add': lambda self: self.x + self.y})
print(C(1), C(1).add(), C.__name__)
@dataclass(unsafe_hash=True)
class H:
    x: int
    y: list = field(default=None, hash=False, compare=False)
print(hash(H(1)) == hash(H(1, [1])), H(1) == H(1, [2]))
match Point(1, 2):
    case Point(x, y):
        print('matched', x, y)
