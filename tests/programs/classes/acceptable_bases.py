# Which builtin types may be subclassed (as in CPython) and the "not an acceptable base type" message for the others
import sys
def gen(): yield
ok = [property, enumerate, filter, map, reversed, zip, type(list[int]), staticmethod,
      classmethod, super, type(sys), bytearray, frozenset, complex, int, str, tuple, dict, set,
      list, float, bytes, object, type, Exception]
refused = [bool, range, slice, type(len), type(gen), type(gen()), type(None), type(...),
           type(NotImplemented), type(int | str), type(gen.__code__), type(iter([])),
           type({}.keys()), type(print), type((1).__add__)]
for t in ok + refused:
    try:
        class X(t):
            pass
        print('ok', t.__name__, X.__mro__[1] is t)
    except TypeError as e:
        print(e)
class Mod(type(sys)):
    def hello(self): return 'hello from ' + self.__name__
m = Mod('mymod', 'a doc')
m.x = 1
print(m.hello(), m.x, m.__doc__, isinstance(m, type(sys)), repr(m)[:20])
