# frozenset: operators with sets (result type from the left operand), hashing, copy returns itself, equal elements 1/1.0/True, nan, errors
f = frozenset([3, 1, 2])
print(f, frozenset(), f | {9}, f & {1}, type(f | {9}).__name__, type({9} | f).__name__)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: 1}[frozenset({1, 2, 3})], f.copy() is f, frozenset(f) is f)
print(f.union([4]), f.issubset({1, 2, 3, 4}), sorted(f), len(f), 2 in f, {frozenset(): 0})
s = {frozenset([1]), frozenset([1.0]), frozenset([True])}
print(len(s), {1, 1.0, True}, {0, -0.0, False})
nan = float("nan")
print(len({nan, nan}), len({float("nan"), float("nan")}))
try:
    f.add(1)
except AttributeError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
print(set([1, 2]) - frozenset([1]), frozenset([1, 2]) - set([1]), {1, 2}.__len__(), {1} .__or__({2}))
