# A dict's table replaced while something is in the middle of using it: __eq__ and __hash__ that grow the dict, iteration that sees the change, pickling's memo growing; old tables are given back at once
class Key:
    def __init__(self, n, d=None):
        self.n = n
        self.d = d

    def __hash__(self):
        return self.n % 7

    def __eq__(self, other):
        if self.d is not None and len(self.d) < 400:
            for i in range(50):
                self.d[("grow", self.n, i, len(self.d))] = i
        return isinstance(other, Key) and self.n == other.n


d = {}
keys = [Key(i) for i in range(20)]
for k in keys:
    d[k] = k.n
for k in keys:
    k.d = d
probe = Key(13, d)
print(d.get(probe), len(d) > 20)
print(Key(3, d) in d)
d[Key(5, d)] = "five"
print(d[Key(5)], sorted(v for v in d.values() if isinstance(v, str)))

# iterating while the dict grows: RuntimeError, the old table's entries intact
e = {i: str(i) for i in range(6)}
try:
    for k in e:
        e[k + 100] = k
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(sorted(e.items())[:8])

# many resizes, with views and iterators taken between them
f = {}
views = []
for i in range(3000):
    f["k%d" % i] = [i]
    if i % 500 == 0:
        views.append((list(f.items())[-1], f.values()))
print(len(f), [v[0] for v in views], [len(v[1]) for v in views])
total = 0
for k, v in f.items():
    total += v[0] + len(k)
print(total, f["k2999"], f.get("k3000"))
del f["k0"]
f.update({"k%d" % i: i for i in range(3000, 4000)})
print(len(f), sum(x if isinstance(x, int) else x[0] for x in f.values()))

# an instance dict that grows past its first table
class Bag:
    pass

b = Bag()
for i in range(100):
    setattr(b, "a%d" % i, i)
print(sum(vars(b).values()), b.a99)

# pickle: the memo table grows many times (shared references keep it in use)
import pickle
shared = ["s%d" % i for i in range(5000)]
data = [shared[i // 2] for i in range(10000)]
for proto in (0, 2, 5):
    back = pickle.loads(pickle.dumps(data, proto))
    print(proto, len(back), back[0] is back[1], back[-1])
