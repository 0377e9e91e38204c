# UNPACK_SEQUENCE_{TWO_TUPLE,TUPLE,LIST}: lengths and types change under a specialized site; errors are CPython's
def two(seq):
    a, b = seq
    return a, b


def three(seq):
    a, b, c = seq
    return c, b, a


class T(tuple):
    def __iter__(self):
        return iter(("it", "er"))


for seq in [(1, 2), (3, 4), [5, 6], "ab", (1, 2, 3), (1,), [1, 2, 3], T((9, 9)), {7: 0, 8: 1},
            range(2), iter([1, 2]), 5]:
    label = "iterator" if hasattr(seq, "__next__") else repr(seq)
    try:
        print(label, "->", two(seq))
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
for seq in [(1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], "xyz", (x for x in "pqr")]:
    try:
        print("three ->", three(seq))
    except ValueError as e:
        print(type(e).__name__, e)
pairs = [(i, i * i) for i in range(5)] + [[9, 81]]
acc = 0
for k, v in pairs:
    acc += k * v
print(acc)
