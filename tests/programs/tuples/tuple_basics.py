# Tuples: packing, unpacking, immutability-friendly operations, comparisons.
t = (1, "two", 3.0, None, [5])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
single = (42,)
empty = ()
print(single, empty, len(single), len(empty), (1) == 1, (1,) == 1)
packed = 1, 2, 3
a, b, c = packed
print(packed, a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
first, *rest = (10, 20, 30)
print(first, rest, type(rest))
print((1, 2) + (3,), (0,) * 4, 2 in (1, 2), (1, 2) < (1, 3), (2,) > (1, 9, 9))
print(t.index("two"), (1, 1, 2, 1).count(1), tuple([1, 2]), tuple("ab"), tuple())
t[4].append(6)
print(t)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
for i, (n, s) in enumerate(pairs):
    print(i, n, s)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax("hello"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, 2, 3)))
print(((1, 2), (3, (4, 5)))[1][1][0], tuple(range(3)) == (0, 1, 2))
