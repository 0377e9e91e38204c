# sort with tuple keys: small ints, strs, mixed types, NaN by identity, user __eq__/__lt__, errors, lengths
import random
rng = random.Random(5)
recs = [(rng.randrange(50), "n%d" % rng.randrange(30), i) for i in range(3000)]
print(sorted(recs)[:5], sorted(recs, reverse=True)[:3])
print(sorted(recs, key=lambda r: (r[1], -r[0]))[:4])
print(sorted([(1, 2), (1,), (), (0, 5, 1), (1, 2, 0), (1, 2)]))
nan = float('nan')
print(sorted([(nan, 2), (nan, 1), (1.5, 0), (2**70, 1), (2**70, 0), (-2**70, 3)], key=lambda t: t)[2:])
print(sorted([(1, 'b'), (1.0, 'a'), (True, 'c'), (0, 'z')]))
class K:
    n = 0
    def __init__(self, v): self.v = v
    def __eq__(self, o): K.n += 1; return self.v == o.v
    def __lt__(self, o): K.n += 1; return self.v < o.v
    def __repr__(self): return "K%d" % self.v
ks = [(K(i % 7), i % 3) for i in range(40)]
print(sorted(ks)[:6], K.n > 0)
try:
    sorted([(1, 'a'), (1, 2)])
except TypeError as e:
    print("TypeError", e)
class Bad:
    def __eq__(self, o): raise ValueError("eq")
try:
    sorted([(Bad(), 1), (Bad(), 2)])
except ValueError as e:
    print("ValueError", e)
class T(tuple):
    def __lt__(self, o): return len(self) > len(o)
print(sorted([T((1,)), T((1, 2)), T(())]))
s = [("b", 1), ("a", 2), ("b", 0), ("a", 1)]
s.sort(key=lambda t: t[0])
print(s)
print(sorted([("é", 1), ("e", 2), ("z", 0), ("ä", 3)]))
