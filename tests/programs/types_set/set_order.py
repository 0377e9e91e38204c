# the print order of sets of ints, tuples and floats, which follows CPython's hash table: after discards, with big ints, from comprehensions
print({5, 1, 3}, {100, 10, 1000, 1}, set(range(20, 0, -3)), {-5, -1, 0, 3}, {2 ** 70, 1})
s = set(range(100))
for i in range(0, 100, 2):
    s.discard(i)
print(len(s), sorted(s)[:5], min(s), max(s))
t = {(1, 2), (0, 1), (2, 0)}
print(sorted(t), len(t | {(1, 2)}), {1.5, 2.5, 0.5}, {True, 2, 3.0})
print(frozenset({3, 2, 1}), set([7, 7, 7]), {n % 5 for n in range(20)})
