# itertools.groupby has a __new__ of its own, as in CPython (groupby.__new__(groupby, it) makes one; object.__new__ refuses it); the other iterator types' __new__ the same way
import itertools

g = itertools.groupby.__new__(itertools.groupby, "aabbbc")
print([(k, list(v)) for k, v in g])
g = itertools.groupby.__new__(itertools.groupby, [1, 2, 3, 4], key=lambda x: x % 2)
print([(k, list(v)) for k, v in g])
print("__new__" in vars(itertools.groupby), itertools.groupby.__new__ is object.__new__)
try:
    object.__new__(itertools.groupby)
except TypeError as e:
    print("TypeError:", e)


class Sub(itertools.groupby):
    pass


print(type(Sub.__new__(Sub, "xy")).__name__, [k for k, _ in Sub("xxy")])
for name in ("count", "cycle", "repeat", "islice", "chain", "accumulate", "zip_longest",
             "starmap", "takewhile", "dropwhile", "filterfalse", "compress", "pairwise"):
    T = getattr(itertools, name)
    print(name, "__new__" in vars(T))
