# types.UnionType: int | str, None | int, dedup/flatten, repr, equality and hash in any order, isinstance/issubclass, type.__or__/__ror__, errors
class types: UnionType = type(int | str); GenericAlias = type(list[int])
u = int | str
print(type(u), u, u.__parameters__, u.__args__)
print(int | None, None | int, int | int, (int|str) == (str|int), hash(int|str)==hash(str|int))
print(list[int] | None, int | list[int] | list[int])
print(type(int|int))
try: int | 3
except TypeError as e: print(e)
try: types.UnionType()
except TypeError as e: print(e)
print(isinstance(3, int|str), issubclass(bool, int|str), isinstance(None, int|None))
try: print(isinstance(3, str|list[int]))
except TypeError as e: print(e)
try: print(issubclass(int, str|list[int]))
except TypeError as e: print(e)
try: issubclass(3, int|str)
except TypeError as e: print(e)
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))
print(int | str | None, (int | str) | (float | None), hash((int|str)) == hash(frozenset({int, str})))
print(types.UnionType.__module__, types.UnionType.__name__, repr(types.UnionType))
class C: pass
print(C | None, int | C)
try:
  class D(types.UnionType): pass
except TypeError as e: print(e)
print(u.__class__, hasattr(u, '__origin__'))
try: u[int]
except TypeError as e: print(e)
print(str(u), format(u))
print(list[int] | list[int], dict[str,int] | None)
print((int|str) != (int|float), (int|str) == 3)
print(type[int], type[int] | None)
print(sorted(n for n in type(u).__dict__ if not n.startswith('__')))
