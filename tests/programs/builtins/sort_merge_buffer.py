# list.sort / sorted merging through a buffer of half the items: runs of
# unequal length on either side (the left or the right one copied aside),
# stability with and without key=, reverse=, and the list's state after a
# key function or a comparison raises.
import random

r = random.Random(11)


def check(n, spread):
    pairs = [(r.randrange(spread), i) for i in range(n)]
    by_key = sorted(pairs, key=lambda p: p[0])
    by_key_rev = sorted(pairs, key=lambda p: p[0], reverse=True)
    plain = [p[0] for p in pairs]
    plain.sort()
    rev = [p[0] for p in pairs]
    rev.sort(reverse=True)
    stable = by_key == sorted(pairs)
    stable_rev = by_key_rev == sorted(pairs, key=lambda p: (-p[0], p[1]))
    ordered = plain == [p[0] for p in by_key] and rev == plain[::-1]
    return stable, stable_rev, ordered, by_key[:2], by_key_rev[-2:]


for n in (0, 1, 2, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 129, 191, 257,
          1000, 1025, 3000, 4097, 20001):
    print(n, check(n, max(1, n // 4)), check(n, 3)[:3])

# Already ordered and reversed input, as one run each.
asc = list(range(5000))
desc = asc[::-1]
print(sorted(desc) == asc, sorted(asc, reverse=True) == desc,
      sorted(desc, key=lambda x: -x) == desc)

# Strings, floats and tuples as keys (each has its own comparison).
words = ["w%d" % r.randrange(300) for _ in range(2000)]
print(sorted(words)[:5], sorted(words, key=len)[:3])
floats = [r.random() for _ in range(2000)]
print(sorted(floats) == sorted(floats, key=lambda f: f), min(floats) == sorted(floats)[0])
tuples = [(r.randrange(5), "t%d" % r.randrange(9)) for _ in range(1500)]
print(sorted(tuples)[:4], sorted(tuples, reverse=True)[:2])

# A key function that raises leaves the list as it was.
items = list(range(100, 0, -1))
def key(x):
    if x == 37:
        raise KeyError(x)
    return x
try:
    items.sort(key=key)
except KeyError as e:
    print("KeyError", e, items[:3], items[-3:])

# A comparison that raises leaves a permutation of the items.
class Touchy:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Touchy.calls += 1
        if Touchy.calls == 700:
            raise ValueError("700th comparison")
        return self.v < other.v

vals = [Touchy(r.randrange(1000)) for _ in range(300)]
before = sorted(t.v for t in vals)
try:
    vals.sort()
except ValueError as e:
    print("ValueError", e, len(vals), sorted(t.v for t in vals) == before)

# The list looks empty while it is sorted, and a change is reported.
seen = []
data = [5, 3, 9, 1] * 20
def spy(x):
    seen.append(len(data))
    return x
data.sort(key=spy)
print(set(seen), data[:6])
def grow(x):
    data.append(x)
    return x
try:
    data.sort(key=grow)
except ValueError as e:
    print("ValueError", e, len(data))
