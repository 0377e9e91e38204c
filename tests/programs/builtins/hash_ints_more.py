# hash() of ints, floats, bools, tuples and frozensets of ints (deterministic values)
for v in [0, 1, -1, -2, 7, 2 ** 31, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 2 ** 200, -(2 ** 200)]:
    print(v, hash(v))
for f in [0.0, -0.0, 0.5, 1.5, -2.25, 1e100, 3.0, 1e-300]:
    print(f, hash(f))
print(hash(True), hash(False), hash(None) == hash(None))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash(((1, 2), 3)))
print(hash(frozenset()), hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})))
print(hash(1 + 2j) == hash(complex(1, 2)), hash(3 + 0j) == hash(3))
print({hash(i) for i in range(5)} == set(range(5)))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(H(42)), hash(H(-1)), hash(H(2 ** 64)))
