# list[int] and other generic aliases: reprs, __origin__/__args__, equality and hash, calling them, isinstance errors, subclassing list[int]
from collections import deque, defaultdict, OrderedDict, Counter
print(list[int], dict[str, int], tuple[int, ...], tuple[()], type(list[int]).__name__, type(list[int]).__module__)
print(list[list[int]], dict[str, list[float]], set[frozenset[bytes]], type[object])
print(deque[int], defaultdict[str, int], OrderedDict[str, int], Counter[str])
class Box: pass
def f(): pass
print(list[Box], list[f], list["x"], list[None], list[1, 2])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], a == list, hash(a) == hash(list[int]))
print(a([1, 2]), a(), a.append, dict[str, int](x=1))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
class MyList(list[int]): pass
print(MyList.__mro__, MyList([3]))
print(isinstance(a, type), list[int] is not list[int])
print(MyList.__orig_bases__, MyList.__bases__)
