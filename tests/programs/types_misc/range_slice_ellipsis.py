# range objects, slice objects and Ellipsis: attributes, indexing, len, equality, indices()
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 7 in r, 8 in r)
print(r.start, r.stop, r.step, r.index(11), r.count(7), range(0) == range(5, 5), range(1, 4) == range(1, 5, 3) or True)
print(list(range(10, 0, -3)), len(range(0, -10, -1)), range(5)[-2], list(range(-3)))
print(range(2 ** 70)[-1] == 2 ** 70 - 1, len(range(0, 2 ** 40, 3)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print("abcdefghij"[s], list(range(20))[slice(15, None)], s == slice(1, 10, 2))
try:
    hash(s)
    print("slices hashable in this version")
except TypeError as e:
    print("TypeError:", e)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(Ellipsis), bool(...))
def stub():
    ...
print(stub())
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[...], p[1:2, ...], p[::], p[:, 0])
print(list(reversed(range(4))), sum(range(101)), max(range(7)), range(4)[1:][1:])
