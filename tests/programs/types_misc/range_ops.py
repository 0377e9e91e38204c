# range: len, indexing, slicing, reversed, membership (ints and floats), index/count, equality and hash, huge ranges, errors
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], list(r[10:]), 9 in r, 10 in r, 9.0 in r, "x" in r)
print(r.index(9), r.count(9), r.count(10), r.start, r.stop, r.step, list(reversed(r)), range(5)[::-2])
print(range(3) == range(0, 3, 1), range(0) == range(5, 2), range(1, 10, 3) == range(1, 11, 3), hash(range(3)) == hash(range(0, 3)))
print(range(-5, 5, -1), len(range(10, 0, -3)), list(range(10, 0, -3)), range(2 ** 70)[-1], len(range(2 ** 64)) if False else 0)
try:
    range(3).index(5)
except ValueError as e:
    print(e)
try:
    range(0, 1, 0)
except ValueError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
print(bool(range(0)), bool(range(1)), max(range(5)), sum(range(101)), sorted(range(3, 0, -1)))
