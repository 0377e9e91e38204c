# mappingproxy has __ior__, which refuses |= (rather than falling back to |
# and rebinding the name to a dict); type.__itemsize__ of the variable-sized
# builtins, inherited by their subclasses.
import types

P = types.MappingProxyType
m = P({'a': 1})
print(sorted(set(dir(m)) - set(dir(object()))))
try:
    m |= {'b': 2}
except TypeError as e:
    print("TypeError", e)
print(type(m).__name__, m)
print(m | {'b': 2}, {'z': 0} | m)
print(P.__ior__)
try:
    P.__ior__(m, {})
except TypeError as e:
    print("TypeError", e)

class T(tuple):
    pass

class I(int):
    __slots__ = ()

class B(bytes):
    pass

class Meta(type):
    pass

# (a pointer's size varies: tuple's and type's only compare)
for t in (object, bytes, int, bool, str, list, dict, bytearray, float,
          complex, set, frozenset, range, slice, I, B):
    print(t.__name__, t.__itemsize__)
print(tuple.__itemsize__ > 0, T.__itemsize__ == tuple.__itemsize__)
print(type.__itemsize__ > 0, Meta.__itemsize__ == type.__itemsize__)
print(object.__basicsize__ > 0)
