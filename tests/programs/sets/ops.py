# Set operations on small ints (their iteration order is deterministic).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a > a, a == {5, 4, 3, 2, 1})
print(a.issubset({0, 1, 2, 3, 4, 5, 6}), a.issuperset({1}), a.isdisjoint({9}), a.isdisjoint(b))
s = set()
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    s.add(x)
print(s, len(s), 5 in s, 7 in s)
s.discard(9)
s.discard(100)
s.remove(1)
print(s)
s |= {10, 11}
s &= {2, 3, 4, 10, 11, 12}
s -= {3}
s ^= {4, 20}
print(s, sorted(s))
print(set([1, 2, 2, 3]), set((4, 4)), set(range(5)), set("aaa"), set())
print(sorted({x % 7 for x in range(100)}), len({x // 3 for x in range(30)}))
c = {1, 2, 3}
d = c.copy()
d.add(4)
print(c, d, c.pop(), c)
c.clear()
print(c, set() == set(), {0} == {False})
print({0, 7, 3, 5, 1}, {6, 2, 4} | {1, 3})
