# len/list/tuple/dict/set/frozenset/range/slice constructors from many iterables
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 2}), len(range(10)), len(b"xy"), len(""))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)), list(b"AB"), list({3: 0}.items()))
print(tuple("ab"), tuple([1, [2]]), tuple(x for x in range(3)), tuple({"k": "v"}.values()))
print(dict(a=1), dict([("x", 1)]), dict({"y": 2}, z=3), dict(zip(range(3), "abc")), dict(dict(p=1)))
print(sorted(set([3, 1, 3])), sorted(frozenset(range(4))), sorted(set("hello")) == sorted("helo"))
print(range(5), slice(2), slice(1, 5, 2))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(iter([]))
except TypeError as e:
    print("TypeError:", e)
class Sized:
    def __len__(self):
        return 2 ** 40
print(len(Sized()))
class Huge:
    def __len__(self):
        return 2 ** 70
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError:", e)
print(list(reversed(list("abc"))), tuple(reversed((1, 2))), list(map(len, ["a", "bb", ""])))
print(sorted(dict.fromkeys("mississippi")), list(dict.fromkeys("mississippi")))
