# set and frozenset: algebra, methods, comparisons, frozenset hashing (ints only printed sorted)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= {1, 2, 3, 4, 5}, a < a, a <= a, {1} < a, a > {1}, a.issubset(a | b), a.issuperset({1}), a.isdisjoint({7}))
s = set()
s.add(3); s.add(1); s.add(3)
s.update([5, 6], (7,))
print(sorted(s), len(s))
s.discard(100)
s.remove(5)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
c = {1, 2, 3}
c &= {2, 3, 4}
print(sorted(c))
c |= {10}
c -= {2}
c ^= {3, 11}
print(sorted(c))
fs = frozenset([3, 1, 2])
print(sorted(fs), fs == {1, 2, 3}, type(fs | {4}).__name__, type({4} | fs).__name__)
print({fs: "frozen key"}[frozenset({1, 2, 3})], len({frozenset(), frozenset()}))
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(set(), frozenset(), repr({1}), repr(frozenset({2})), set("aa"))
print(sorted({x % 3 for x in range(10)}), {1, 1.0, True}, len({0, False, 0.0}))
p = {1, 2}
q = p.copy()
q.add(3)
print(sorted(p), sorted(q), p.pop() in (1, 2), len(p))
p.clear()
print(p)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
