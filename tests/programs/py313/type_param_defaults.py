# PEP 696 (Python 3.13): type parameters with defaults, lazily evaluated, and typing.NoDefault
from typing import TypeVar, ParamSpec, TypeVarTuple, NoDefault, Generic


class Box[T = int]:
    pass


class Pair[K, V = list[K]]:
    pass


def first[T = str](xs: list[T]) -> T:
    return xs[0]


type Alias[T = float] = dict[str, T]

for param in (*Box.__type_params__, *Pair.__type_params__, *first.__type_params__,
              *Alias.__type_params__):
    print(param, param.has_default(), param.__default__)

U = TypeVar("U", default=bytes)
P = ParamSpec("P", default=[int, str])
Ts = TypeVarTuple("Ts")
print(U.__default__, U.has_default(), P.__default__, Ts.has_default())
print(Ts.__default__ is NoDefault, repr(NoDefault), type(NoDefault).__name__)
print(first(["a"]), Box[int], Pair[int])


class Lazy[T = "Undefined"]:
    pass


print(Lazy.__type_params__[0].__default__)
