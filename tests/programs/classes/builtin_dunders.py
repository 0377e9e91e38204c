# Builtin types' dunder methods called directly
print(int.__add__(1, 2), (5).__mul__(3), int.__radd__(1, 2))
print(float.__add__(1.5, 2.0), str.__add__("a", "b"), list.__add__([1], [2]))
print([1, 2].__len__(), "abc".__len__(), {1: 2}.__len__())
print(list.__getitem__([5, 6], 1), "xyz".__getitem__(0), (1, 2).__getitem__(-1))
d = {}
dict.__setitem__(d, "k", 1)
print(d, dict.__getitem__(d, "k"), d.__contains__("k"))
print((3).__eq__(3), (3).__lt__(4), "a".__eq__("b"), (3).__eq__("x"))
print(object.__eq__(1, 1), repr(object.__eq__(1, 2)))
print([1, 2].__repr__(), "s".__str__(), (1.5).__repr__())
print(int.__neg__(5), (7).__hash__() == hash(7), list.__iter__([1]).__next__())
print(str.__mul__("ab", 3), list.__mul__([0], 2), [1].__contains__(1))
print(type(str.__len__).__name__, type("x".__len__).__name__)
print(str.__len__, list.__add__)
print(list.__init__, object.__init__, dict.__getitem__ is not None)
l = [1, 2, 3]
list.__init__(l, "ab")
print(l)
d = {"a": 1}
dict.__init__(d, b=2)
print(d)
print(set.__len__({1, 2}), frozenset.__contains__(frozenset([1]), 1))
try:
    list.__len__("a")
except TypeError as e:
    print(e)
print(object.__str__(5), object.__hash__(None) == hash(None))
print(int.__new__(int, "12"), str.__new__(str, 5), tuple.__new__(tuple, [1]))
try:
    list.__new__(int)
except TypeError as e:
    print(e)
print(NotImplemented, (1).__add__("x"), (1.0).__lt__("x"))
print(dir(object()) == sorted(object.__dict__.keys()) or dir(object()))
