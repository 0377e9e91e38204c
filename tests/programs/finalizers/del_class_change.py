# __del__ of objects pvm did not watch at allocation: an object whose __class__ becomes a
# class with __del__, a class whose metaclass defines __del__ (alloc_heaptype did not
# watch it: none ran), and instances of subclasses of the builtin classes of modules
import gc, collections, array, functools, types, decimal, datetime, itertools, random
import weakref, io, struct, _thread

def collect():
    for _ in range(3):
        gc.collect()

ran = []
class Plain:
    pass
class WithDel:
    def __del__(self):
        ran.append(type(self).__name__)
class Other(WithDel):
    pass
for i in range(20):
    p = Plain()
    p.__class__ = WithDel
w = WithDel()
w.__class__ = Other             # watched already: its __del__ runs once
back = WithDel()
back.__class__ = Plain          # and back again: once
back.__class__ = Other
class Dropped:
    def __del__(self):
        ran.append("Dropped")
d = Dropped()
del Dropped.__del__             # watched at allocation, and again as Other: once
d.__class__ = Plain
d.__class__ = Other
p = w = back = d = None
collect()
print("__class__ assigned:", sorted(collections.Counter(ran).items()))

ran = []
class Meta(type):
    def __del__(cls):
        ran.append(cls.__name__)
for i in range(10):
    Meta("Made%d" % (i % 2), (), {})
class ByStatement(metaclass=Meta):
    pass
ByStatement = None
collect()
print("metaclass:", sorted(collections.Counter(ran).items()))

def placeholder():
    pass

cases = [
    ("deque", collections.deque, lambda K: K([1])),
    ("OrderedDict", collections.OrderedDict, lambda K: K(a=1)),
    ("defaultdict", collections.defaultdict, lambda K: K(int)),
    ("Counter", collections.Counter, lambda K: K("ab")),
    ("array", array.array, lambda K: K("i", [1])),
    ("partial", functools.partial, lambda K: K(print, 1)),
    ("property", property, lambda K: K(len)),
    ("staticmethod", staticmethod, lambda K: K(len)),
    ("classmethod", classmethod, lambda K: K(len)),
    ("ModuleType", types.ModuleType, lambda K: K("m")),
    ("SimpleNamespace", types.SimpleNamespace, lambda K: K(a=1)),
    ("Decimal", decimal.Decimal, lambda K: K("1.5")),
    ("date", datetime.date, lambda K: K(2020, 1, 2)),
    ("datetime", datetime.datetime, lambda K: K(2020, 1, 2, 3)),
    ("timedelta", datetime.timedelta, lambda K: K(1)),
    ("time", datetime.time, lambda K: K(1)),
    ("tzinfo", datetime.tzinfo, lambda K: K()),
    ("enumerate", enumerate, lambda K: K([1])),
    ("zip", zip, lambda K: K([1], [2])),
    ("map", map, lambda K: K(str, [1])),
    ("filter", filter, lambda K: K(None, [1])),
    ("count", itertools.count, lambda K: K(1)),
    ("chain", itertools.chain, lambda K: K([1])),
    ("Random", random.Random, lambda K: K(1)),
    ("local", _thread._local, lambda K: K()),
    ("ref", weakref.ref, lambda K: K(placeholder)),
    ("BytesIO", io.BytesIO, lambda K: K(b"x")),
    ("StringIO", io.StringIO, lambda K: K("x")),
    ("Struct", struct.Struct, lambda K: K("i")),
    ("big int", int, lambda K: K(2 ** 100)),
    ("int.from_bytes", int, lambda K: K.from_bytes(b"\x01\x02", "big")),
    ("float.fromhex", float, lambda K: K.fromhex("0x1p3")),
    ("dict.fromkeys", dict, lambda K: K.fromkeys("ab")),
    ("str.__new__", str, lambda K: str.__new__(K, "x")),
    ("bytes.fromhex", bytes, lambda K: K.fromhex("0102")),
    ("bytearray.fromhex", bytearray, lambda K: K.fromhex("0102")),
    ("OSError", OSError, lambda K: K(2, "x")),
    ("KeyError", KeyError, lambda K: K(1)),
    ("StopIteration", StopIteration, lambda K: K(1)),
    ("SyntaxError", SyntaxError, lambda K: K("x")),
    ("UnicodeDecodeError", UnicodeDecodeError, lambda K: K("utf-8", b"x", 0, 1, "r")),
    ("ExceptionGroup", ExceptionGroup, lambda K: K("g", [ValueError()])),
]
for name, base, make in cases:
    n = 0
    def count(self):
        global n
        n += 1
    K = type("K", (base,), {"__del__": count})
    for i in range(5):
        make(K)
    K = None
    collect()
    print(name, n)
