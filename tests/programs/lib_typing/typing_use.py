# typing from Lib/: generics, TypeVar, Protocol, NamedTuple, TypedDict, Literal, Optional/Union, get_type_hints, overload, cast, dataclass_transform, Annotated
import typing
from typing import (Any, Callable, ClassVar, Dict, Generic, List, Literal, NamedTuple, Optional,
                    Protocol, Tuple, TypedDict, TypeVar, Union, get_args, get_origin,
                    get_type_hints, runtime_checkable, overload, cast, Annotated, Final, Iterator)

T = TypeVar('T')
K = TypeVar('K', bound=str)
print(T, K.__bound__, T.__name__)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](3)
print(Box[int], b.get(), Box.__parameters__, b.__orig_class__, Box[str].__args__)

class Pair(Generic[T, K]): pass
print(Pair[int, str], Pair[int, str].__origin__ is Pair)

print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, int], Tuple[int, ...])
print(Callable[[int, str], bool], Callable[..., int], Literal[1, 'a'], ClassVar[int], Final[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(int | str))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int])

class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = Pt(3, -4)
print(p, p.norm(), p._replace(y=1), Pt._fields, Pt._field_defaults, p._asdict(), Pt.__annotations__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__)

class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    score: float
m: Movie = {'title': 'x', 'year': 1}
print(m, sorted(Movie.__required_keys__), sorted(Partial.__optional_keys__), Movie.__total__, Partial.__total__)

@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closeable), isinstance(3, Closeable), issubclass(F, Closeable))

class Proto(Protocol[T]):
    def meth(self) -> T: ...
print(Proto[int], Proto.__parameters__)

def f(a: int, b: 'str' = 'x', *c: float) -> Optional[List[int]]: ...
print(get_type_hints(f))
class WithHints:
    a: int
    b: 'List[str]'
    c: ClassVar[int] = 3
print(get_type_hints(WithHints))
def g(x: Annotated[int, 'meta']) -> None: ...
print(get_type_hints(g), get_type_hints(g, include_extras=True))

@overload
def over(x: int) -> int: ...
@overload
def over(x: str) -> str: ...
def over(x): return x
print(over(2), cast(int, 'x'), typing.TYPE_CHECKING)

def it() -> Iterator[int]:
    yield 1
print(list(it()), typing.Sequence[int], typing.Mapping[str, int], typing.Iterable)
UserId = typing.NewType('UserId', int)
print(UserId(5), UserId.__name__, UserId.__supertype__)   # __module__ needs sys._getframe
AnyStr = typing.AnyStr
print(AnyStr.__constraints__, Any, typing.NoReturn, typing.Self, typing.LiteralString, typing.Never)
P = typing.ParamSpec('P')
print(P, P.args, Callable[P, int])
Ts = typing.TypeVarTuple('Ts')
print(Ts, Tuple[int, *Ts][str, float] if False else Ts.__name__)
print(typing.assert_never.__name__)
print(typing.get_overloads(over)[0].__name__ if hasattr(typing, 'get_overloads') else None)
