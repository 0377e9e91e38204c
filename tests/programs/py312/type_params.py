# PEP 695 type parameters (3.12 syntax): generic functions and classes, bounds and constraints evaluated lazily, type aliases
from typing import Generic, TypeVar

def first[T](xs: list[T]) -> T:
    return xs[0]

def pairs[K, V](d: dict[K, V]) -> list[tuple[K, V]]:
    return sorted(d.items())

class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, x: T) -> "Stack[T]":
        self.items.append(x)
        return self
    def pop(self) -> T:
        return self.items.pop()

class Bounded[N: (int, float), S: str, *Ts, **P]:
    pass

type Vector[X] = list[X]
type Lazy = UndefinedYet

print(first([3, 4]), pairs({"b": 2, "a": 1}), first.__type_params__)
s = Stack[int]().push(1).push(2)
print(s.pop(), Stack.__type_params__, Stack.__mro__[1:], Stack[str])
n, st, ts, p = Bounded.__type_params__
print(n, n.__constraints__, st.__bound__, ts, p, p.args, p.kwargs)
print(type(n).__name__, type(ts).__name__, type(p).__name__, n.__infer_variance__)
print(Vector, Vector.__value__, Vector[int], Vector.__type_params__, Vector.__module__)
try:
    Lazy.__value__
except NameError as e:
    print("NameError", e)
T = TypeVar("T", bound=int)
class Old(Generic[T]):
    pass
print(T, T.__bound__, Old[bool], repr(TypeVar("U", covariant=True)))
