# builtin types made ready lazily: their dicts (own methods, members, getsets, slot wrappers, __doc__, names added after readying, the later ones winning) and io.UnsupportedOperation, made on first need
import sys

def show(t, names):
    d = t.__dict__
    print(t.__name__, [(n, n in d) for n in names])

show(list, ["append", "__class_getitem__", "__add__", "__iadd__", "__len__", "__doc__", "__hash__"])
show(dict, ["fromkeys", "__class_getitem__", "__or__", "__ror__", "__getitem__"])
show(bytes, ["fromhex", "maketrans", "__add__", "__getitem__", "__class_getitem__"])
show(str, ["join", "maketrans", "__mod__", "__rmod__", "__class_getitem__"])
show(type(sys.flags), ["optimize", "dont_write_bytecode", "n_fields"])
show(type(sys.version_info), ["major", "n_sequence_fields", "count"])
show(UnicodeEncodeError, ["encoding", "start", "__str__", "__init__"])
show(OSError, ["errno", "strerror", "filename", "__str__"])
show(property, ["getter", "fget", "__get__", "__set__"])
show(type(None), ["__bool__", "__repr__", "__doc__"])
show(frozenset, ["union", "__class_getitem__", "__hash__", "__or__"])
show(memoryview, ["cast", "nbytes", "__enter__"])
print(list[int], dict[str, int], frozenset[bytes], type[int])
print(type(None).__doc__ is None or type(None).__doc__)
print(int.__add__(2, 3), str.__mod__("%d", 4), bytes.fromhex("4142"), dict.fromkeys("ab", 0))
print(sys.flags.optimize, sys.version_info.major, sys.version_info[:1], type(sys.flags).n_fields > 10)
print(len(list.__dict__) > 20, "append" in dir(list), "fromkeys" in dir(dict))
print(object.__dict__["__init__"], type.__dict__["__dict__"].__name__)
class L(list):
    pass
print(L.__mro__, L.__class_getitem__(int), L([1, 2]) + [3])
try:
    list.x = 1
except TypeError as e:
    print("TypeError", e)
print(sorted(n for n in vars(complex) if not n.startswith("__")))
print(sorted(n for n in vars(range) if not n.startswith("__")))
# io.UnsupportedOperation is made on first need, yet before the program's own classes
class MyError(OSError):
    pass
names = [c.__name__ for c in OSError.__subclasses__()]
print("UnsupportedOperation" in names, names.index("UnsupportedOperation") < names.index("MyError"))
import io
print(io.UnsupportedOperation.__mro__, io.UnsupportedOperation.__module__)
