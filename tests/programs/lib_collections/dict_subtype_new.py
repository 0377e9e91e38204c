# OrderedDict and defaultdict have no __new__ of their own: dict.__new__ makes them (empty, whatever the arguments; __init__ fills), so OrderedDict.__new__(OrderedDict) and dict.__new__(defaultdict) work without __init__, as in CPython
from collections import Counter, OrderedDict, defaultdict
import copy
import pickle

print(OrderedDict.__new__ is dict.__new__, defaultdict.__new__ is dict.__new__,
      Counter.__new__ is dict.__new__)
print("__new__" in OrderedDict.__dict__, "__new__" in defaultdict.__dict__)
print(OrderedDict.__init__ is dict.__init__, defaultdict.__init__ is dict.__init__)
print(OrderedDict.__dict__["__init__"], defaultdict.__dict__["__init__"])
print(type(OrderedDict.__new__).__name__, OrderedDict.__new__.__self__)

# Made without __init__: empty, and fully working.
o = OrderedDict.__new__(OrderedDict)
print(type(o).__name__, o, len(o))
o["a"] = 1
o["b"] = 2
o.move_to_end("a")
print(o, list(o), o.popitem(last=False), o)
d = defaultdict.__new__(defaultdict)
print(type(d).__name__, d, d.default_factory)
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
d.default_factory = list
d["y"].append(1)
print(d)
print(pickle.loads(pickle.dumps(o)), copy.copy(d), pickle.loads(pickle.dumps(d)))

# dict.__new__ itself, on either: the same.
z = dict.__new__(OrderedDict)
z["q"] = 1
z["p"] = 2
z.move_to_end("q")
print(z, list(z.keys()), list(reversed(z)))
e = dict.__new__(defaultdict)
print(e, e.default_factory)

# The arguments are __init__'s, not __new__'s.
print(repr(OrderedDict.__new__(OrderedDict, [(1, 2)], a=3)))
print(repr(defaultdict.__new__(defaultdict, int, b=3)))
print(repr(dict.__new__(OrderedDict, 1, 2, 3)))
print(OrderedDict([(1, 2)], a=3), defaultdict(list, {"k": [1]}, b=2))

# Subclasses.
class OD(OrderedDict):
    def __init__(self):
        pass


x = OD.__new__(OD)
x["k"] = 1
print(x, type(x).__name__, OD())


class DD(defaultdict):
    pass


y = DD.__new__(DD)
print(y, y.default_factory, DD(int, a=1))


class D(dict):
    pass


print(dict.__new__(D, {"a": 1}), D({"a": 1}, b=2))

# Not a subtype: dict's own message.
for cls, other in ((OrderedDict, int), (defaultdict, list), (dict, str)):
    try:
        cls.__new__(other)
    except TypeError as e:
        print("TypeError", e)

# dict.__new__(dict, ...) itself, and its fellow containers': empty.
print(dict.__new__(dict, {"a": 1}, b=2), list.__new__(list, [1]), set.__new__(set, [1]),
      bytearray.__new__(bytearray, b"x"))
