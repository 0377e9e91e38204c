# enum and typing, the less common parts: verify, member/nonmember/_ignore_, flag boundaries, mixins, enum.property; Generic subclass hooks, TypedDict inheritance, data protocols, forward references, substitution in nested aliases
import enum, typing
from enum import Enum, Flag, IntFlag, auto, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, member, nonmember, global_enum, FlagBoundary
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
@verify(UNIQUE, CONTINUOUS)
class V(Enum):
    A = 1
    B = 2
print(list(V))
try:
    @verify(CONTINUOUS)
    class V2(Enum):
        A = 1
        C = 3
except ValueError as e:
    print('ValueError', e)
class N(Enum):
    a = member(lambda: 1)
    b = nonmember(3)
    _ignore_ = ['tmp']
    tmp = 5
print([m.name for m in N], N.b, hasattr(N, "tmp"))
class Fb(Flag, boundary=FlagBoundary.KEEP):
    A = 1
    B = 2
t(lambda: Fb(7))
class Fc(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2
t(lambda: Fc(7))
class E(IntFlag, boundary=enum.EJECT):
    A = 1
t(lambda: E(5))
print(enum.Flag._numeric_repr_, V.A._name_, V._member_map_.keys(), V._value2member_map_)
class Temp(float, Enum):
    HOT = 100.5
print(Temp.HOT, Temp.HOT + 1, str(Temp.HOT), format(Temp.HOT, '.1f'))
class Strs(enum.StrEnum):
    X = auto()
print(enum.show_flag_values(7), Strs.X._generate_next_value_('Y', 1, 0, []))
class Desc(Enum):
    A = 'a'
    @enum.property
    def upper(self): return self.value.upper()
print(Desc.A.upper, repr(Desc.A), Desc.__members__)
T = typing.TypeVar('T')
class G(typing.Generic[T]):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.sub = True
class H(G[int]): pass
print(H.sub, H.__orig_bases__, typing.get_type_hints(H), H.__mro__)
class Base(typing.TypedDict):
    a: int
class Der(Base, total=False):
    b: str
print(Der.__required_keys__, Der.__optional_keys__, Der.__annotations__)
@typing.runtime_checkable
class HasX(typing.Protocol):
    x: int
class P:
    x = 1
print(isinstance(P(), HasX), isinstance(object(), HasX))
class Fwd:
    nxt: 'Fwd | None'
    def m(self, o: 'Fwd') -> 'list[Fwd]': ...
print(typing.get_type_hints(Fwd), typing.get_type_hints(Fwd.m))
print(typing.Union[int, list[int]], typing.Optional['Fwd'], typing.List['int'], int | list[str] | None)
print(typing.Annotated[int, 1][()] if False else typing.Annotated[list[T], 'x'][int])
print(typing.Callable[[T], T][int], dict[str, T][int], (list[T] | None)[int])
