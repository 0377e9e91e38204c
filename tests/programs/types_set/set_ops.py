# set operators and methods: | & - ^ and comparisons, multi-argument methods, in-place updates, add/discard/pop/clear, KeyError and TypeError messages
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a >= {1}, a > a, a == {4, 3, 2, 1})
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([5, 6]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}), a.isdisjoint(b))
c = set(a); c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 3}; print(c)
c.update([7], (8,)); c.intersection_update(range(9)); c.difference_update([7]); c.symmetric_difference_update({0}); print(c)
s = {5}; s.add(6); s.discard(5); s.discard(99); print(s, s.pop(), s)
t = {1, 2}; u = t.copy(); t.clear(); print(t, u, len(u), 1 in u)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {1}.remove(2)
except KeyError as e:
    print(repr(e))
try:
    {1} | [2]
except TypeError as e:
    print(e)
print(set(), set("aab") == {"a", "b"}, {1, 2} == frozenset({1, 2}), set([3, 1, 2]), {-1, -2, 5, 100, 33})
