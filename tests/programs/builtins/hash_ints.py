# hash() of ints, bools and tuples of ints follow CPython's numeric hash.
for v in [0, 1, -1, -2, 2, 100, 2 ** 31, 2 ** 32, 2 ** 60, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(v, hash(v))
print(hash(True), hash(False))
print(hash(()), hash((1,)), hash((1, 2)), hash((2, 1)), hash((1, (2, 3))), hash((-1, -2)))
print(hash((0,)) == hash((False,)), hash(5) == hash(5), hash((2 ** 70, 1)) == hash((2 ** 70, True)))
