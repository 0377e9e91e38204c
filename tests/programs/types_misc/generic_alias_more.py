# Subscripting builtin types: async_generator, itertools.chain; __class_getitem__ = None opts out
import itertools
import types


async def agen():
    yield 1


AG = type(agen())
print(AG[int], AG[int].__origin__ is AG, AG[int, str].__args__)
print(itertools.chain[int], itertools.chain[int].__args__)
print(list(itertools.chain[int]([1], [2])))


class C_is_none(tuple):
    __class_getitem__ = None


try:
    C_is_none[int]
except TypeError as e:
    print('TypeError:', e)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print('TypeError:', e)
print(type[int], isinstance(tuple[int], types.GenericAlias))
