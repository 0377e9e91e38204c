# BINARY_SUBSCR_{LIST_INT,TUPLE_INT,DICT}, STORE_SUBSCR_{LIST_INT,DICT}: lists resized under the site, negative and out-of-range indexes, missing keys, subclasses with __getitem__/__missing__
from collections import defaultdict


class Reversed(list):
    def __getitem__(self, i):
        return list.__getitem__(self, -1 - i)

    def __setitem__(self, i, v):
        list.__setitem__(self, -1 - i, v * 10)


class Default(dict):
    def __missing__(self, key):
        return "missing:" + repr(key)


def get(c, k):
    return c[k]


def put(c, k, v):
    c[k] = v


lst = [10, 20, 30]
containers = [lst, (1, 2, 3), {"a": 1, 0: "zero", (1, 2): "pair"}, Reversed([1, 2, 3]),
              Default(a=5), defaultdict(int), "xyz", range(10)]
for c in containers:
    for k in (0, 1, -1, 2, 5, "a", (1, 2), 2**70, True):
        try:
            print(type(c).__name__, repr(k), "->", repr(get(c, k)))
        except (IndexError, KeyError, TypeError) as e:
            print(type(c).__name__, repr(k), type(e).__name__, e)
for c in [[0, 0, 0], {}, Reversed([0, 0, 0]), Default()]:
    for k in (0, 2, -1, 3, "k", [1]):
        try:
            put(c, k, 7)
        except (IndexError, TypeError) as e:
            print(type(c).__name__, repr(k), type(e).__name__, e)
    print(type(c).__name__, c)

# The list shrinks while the same site reads it.
items = list(range(10))
total = 0
for i in range(10):
    try:
        total += items[i]
    except IndexError:
        total += 1000
    if i == 4:
        del items[5:]
print(total, items)
# ...and grows while the same site writes it.
grid = [0] * 3
for i in range(8):
    try:
        grid[i] = i
    except IndexError:
        grid.append(-i)
print(grid)
d = {}
for i in range(20):
    d[i % 7] = d.get(i % 7, 0) + i
    d[str(i % 3)] = i
print(d)
