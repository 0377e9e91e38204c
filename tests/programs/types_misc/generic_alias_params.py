# types.GenericAlias: type variables (__parameters__) and substitution, *tuple[...] unpacking, subclassing, __orig_class__, | with unions
GenericAlias = type(list[int])
UnionType = type(int | str)

class TypeVar:                  # the protocol typing.TypeVar follows
    def __init__(self, name): self.__name__ = name
    def __repr__(self): return '~' + self.__name__
    def __typing_subst__(self, arg): return arg
    def __or__(self, other): return ('Union', self, other)
    def __ror__(self, other): return ('Union', other, self)

class TypeVarTuple:             # iterable; gathers the arguments left over
    def __init__(self, name): self.__name__ = name
    def __repr__(self): return self.__name__
    def __typing_subst__(self, arg): raise TypeError('bare')
    def __iter__(self): yield Unpacked(self)
    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        right = len(params) - i - 1
        if len(args) < i + right:
            raise TypeError(f"Too few arguments for {alias}")
        return (*args[:i], tuple(args[i:len(args) - right]), *args[len(args) - right:])

class Unpacked:
    def __init__(self, tvt): self.tvt = tvt
    def __repr__(self): return '*' + repr(self.tvt)
    __typing_is_unpacked_typevartuple__ = True
    @property
    def __parameters__(self): return (self.tvt,)
    def __getitem__(self, args): return args

T = TypeVar('T'); S = TypeVar('S')
print(int | T, T | None)
r = (list[T] | int)[str]; print(type(r).__name__, r)
r = (list[T] | dict[T, S])[str, float]; print(type(r).__name__, r, r.__parameters__)
r = (list[T] | None)[T]; print(r, r.__parameters__)
print(list[T], list[T].__parameters__, dict[T, list[S]].__parameters__, dict[T, list[S]][int, str])
print(list[T][int], type(list[T][int]).__name__, dict[S, T][int, str], dict[T, T][int])
for bad in [lambda: list[int][int], lambda: list[T][int, str], lambda: dict[T, S][int],
            lambda: (int | str)[int], lambda: (list[T] | int)[int, str]]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(tuple[T, ...][int], tuple[int, ...].__parameters__, list[int].__unpacked__)
print(list[int].__reduce__())
print(repr(list[int, ...]), list[[int, str]], tuple[()], tuple[int, ()])
a = list[int]
print(a.__class__, a.__name__, a.__qualname__, a.__module__, a.__origin__, a.__args__)
print(a.append, a.__mro_entries__((a,)), a.__doc__ == list.__doc__)

class G(GenericAlias):
    def foo(self): return 1
g = G(list, int)
print(type(g).__name__, g, g.__class__.__name__, g == list[int], repr(g), hash(g) == hash(list[int]))
try:
    print(g.foo())
except AttributeError as e:
    print('AttributeError', e)
print(g[()] if False else G(dict, (T, S))[int, str], type(G(dict, (T, S))[int, str]).__name__)

it = iter(tuple[int, str]); s = next(it)
print(s, s.__unpacked__, type(it).__name__, s.__typing_unpacked_tuple_args__, list(it))
print(*tuple[int, str], s == tuple[int, str], s.__reduce__()[0].__name__)
print(tuple[int, *tuple[str, bytes]], tuple[T, *tuple[str, bytes]][int])
print(list[int].__typing_unpacked_tuple_args__, tuple[int, ...].__typing_unpacked_tuple_args__)
Ts = TypeVarTuple('Ts')
print(tuple[*Ts].__parameters__, tuple[*Ts][int, str], tuple[T, *Ts][int, str, bytes], tuple[T, *Ts][int])
try:
    tuple[T, *Ts][()]
except TypeError as e:
    print(e)

class Node:
    def __class_getitem__(cls, item): return GenericAlias(cls, item)
print(Node[int], Node[int]().__orig_class__)
x = list[int]([1, 2]); print(x, type(x).__name__)
try:
    list[int]().__orig_class__
except AttributeError as e:
    print('AttributeError', e)
print(dict[str, int](a=1), enumerate[int], type[int], list[int] == list[int], list[int] != list[str])
try:
    list[int].x = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
class MyList(list[int]): pass
print(MyList.__mro__, MyList.__orig_bases__)
try:
    type[int][int]
except TypeError as e:
    print(e)
class M(type): pass
try:
    M[int]
except TypeError as e:
    print(e)
d = dir(list[int])
print([x for x in d if x not in dir(list)], d == sorted(d), set(dir(list)) <= set(d))
print(Ellipsis.__reduce__(), NotImplemented.__reduce__(), (...).__reduce_ex__(2))
