# tuple operations: slicing, + *, count/index, constructors, hash and comparison, errors (index, hash of a list inside, assignment), starred unpacking
t = (1, 2, 3, 2)
print(t, t[1:], t[::-1], t + (4,), t * 2, (1,) * 0, t.count(2), t.index(2), t.index(2, 2), len(t), 2 in t)
print((), (1,), tuple("ab"), tuple([1, [2]]), tuple(range(3)), hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3))
print((1, (2, 3)) == (1, (2, 3)), ((),), max((1, 5, 3)), sorted((3, 1)), (1, 2) == [1, 2])
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t[9]
except IndexError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
try:
    t[0] = 1
except TypeError as e:
    print(e)
a, *b = t; print(a, b)
print({(1, 2): "x"}[(1, 2)], (1.0, 2) == (1, 2.0), hash((1.0,)) == hash((1,)))
