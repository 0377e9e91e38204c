# Instance dicts made by a cached STORE_ATTR (table in the dict's block) and dict literals: growth, deletion, replacement, equal keys.
class P:
    def __init__(self, n):
        self.a = n
        self.b = n + 1
        if n % 2:
            self.c = n * 2
        if n % 3 == 0:
            self.d = "d"
            self.e = "e"
            self.f = "f"
            self.g = "g"

    def more(self, k):
        for i in range(k):
            setattr(self, "x%d" % i, i)
            self.y = i


ps = [P(n) for n in range(12)]
for p in ps:
    print(sorted(vars(p).items()), list(vars(p)))
ps[3].more(9)
print(list(vars(ps[3])), ps[3].y, ps[3].x8)
del ps[3].a
ps[3].a = "again"
print(list(vars(ps[3]))[-3:], ps[3].a)
del ps[4].b
ps[4].b = 5
ps[4].z = 6
print(vars(ps[4]))
ps[5].__dict__ = {"q": 1, "r": 2, "s": 3, "t": 4, "u": 5, "v": 6, "w": 7}
ps[5].a = 10
ps[5].b = 11
print(vars(ps[5]))


class S(str):
    pass


class Weird:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        return self.s == other


o = P(1)
o.__dict__[S("a")] = "subclass key"
print(o.a, vars(o))
o.a = "stored"
print(o.a, vars(o))
w = P(2)
del w.a
w.__dict__[Weird("a")] = "weird"
w.a = "via setattr"
print(len(vars(w)), sorted(str(v) for v in vars(w).values()))
for n in range(0, 14):
    d = {("k%d" % i): i for i in range(n)}
    lit = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "a": 7}
    lit2 = {1: "one", 1.0: "float", True: "true", "x": n}
    d.update(lit)
    print(n, len(d), list(d)[-3:], lit, lit2, {**lit2, "n": n})
big = {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8,
       "k9": 9, "k10": 10, "k11": 11}
for i in range(12, 40):
    big["k%d" % i] = i
    if i % 3 == 0:
        del big["k%d" % (i - 6)]
print(len(big), list(big)[:5], list(big)[-5:])
x = 1
m = {x: 1, x + 1: 2, "y": [x], (x,): x}
print(m)
