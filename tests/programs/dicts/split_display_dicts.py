# Dicts made by displays of constant keys ({'a': x, 'b': y}: BUILD_CONST_KEY_MAP),
# which pvm keeps split (runtime/object.h: the keys shared per display, the
# values in the dict): every way of reading one, every way of changing one,
# and the places a split dict meets the rest of the VM.
import json
import pickle
import sys


def row(i):
    return {"id": i, "name": "n%d" % i, "qty": i * 2, "price": i / 4}


class Key:
    """A non-str key whose hash is a str key's: only its __eq__ can tell."""

    def __init__(self, s, equal):
        self.s, self.equal = s, equal

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        return self.equal


print("-- reads")
a, b = row(1), row(2)
print(a, len(a), a["name"], a.get("qty"), a.get("nope"), a.get("nope", 7))
print("id" in a, "nope" in a, 1 in a, Key("qty", True) in a, Key("qty", False) in a)
print(a[Key("price", True)], a.__contains__("name"), a.__getitem__("id"))
print(list(a), list(a.keys()), list(a.values()), list(a.items()))
print(list(reversed(a)), list(reversed(a.values())), list(reversed(a.items())))
print(a.keys() == {"id", "name", "qty", "price"}, ("id", 1) in a.items(), a.keys() & {"id", "x"})
print(repr(a), str(b), a.keys(), a.values(), a.items())
for k, v in a.items():
    print(k, v, end="; ")
print()
try:
    a["nope"]
except KeyError as e:
    print("KeyError", e)
print(sys.getsizeof(a) == sys.getsizeof(dict(a)))

print("-- equality")
print(a == row(1), a == b, a == dict(a), dict(a) == a, a != row(1))
print(a == {"price": 0.25, "qty": 2, "name": "n1", "id": 1}, a == {"id": 1})
print(row(3) == {"id": 3, "name": "n3", "qty": 6, "price": 0.75, "x": 1})

print("-- overwriting a key, two dicts from one display")
a["qty"] = 99
a["id"] += 10
print(a, b)
c = row(1)
c.update({"name": "x"}, price=0)
c.update([("qty", 5)])
print(c, row(1))

print("-- new keys, deletions")
d = row(4)
d["new"] = 1
print(d, len(d))
d = row(4)
del d["name"]
print(d, list(d.items()))
d["name"] = "back"
print(d)
d = row(5)
print(d.pop("qty"), d.pop("zz", "dflt"), d)
try:
    row(5).pop("zz")
except KeyError as e:
    print("KeyError", e)
d = row(6)
print(d.popitem(), d.popitem(), d)
d = row(7)
print(d.setdefault("id", 0), d.setdefault("x", 8), d)
d = row(8)
d.clear()
print(d, len(d))
d["after"] = 1
print(d)
d = row(9)
d.update({"id": 0, "more": 1})
print(d)
d = row(10)
d |= {"z": 26}
print(d, row(10) | {"id": -1})
try:
    del row(1)["zz"]
except KeyError as e:
    print("KeyError", e)

print("-- copies")
e = row(11)
f = e.copy()
f["qty"] = -1
print(e, f, dict(e), {**e, "id": 0}, e.copy() == e)
f["new"] = 1
print(e, f)

print("-- iteration and mutation")
g = row(12)
try:
    for k in g:
        g["added"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
g = row(12)
try:
    for k in g:
        if k == "id":
            del g["id"]
            g["p2"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
g = row(12)
for k in g:
    g[k] = str(g[k])        # overwriting during iteration is allowed
print(g)
g = row(13)
it = iter(g.items())
print(next(it))
g["id"] = "changed"
print(list(it), it.__length_hint__())
g = row(14)
r = reversed(g)
print(next(r))
g.pop("id")
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)

print("-- other dicts' keys")
print({"a": 1, "a": 2}, {1: "x", 2: "y"}, {"a": 1, 2: "b"}, {(1, 2): 3, "s": 4})
many = {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7,
        "k8": 8, "k9": 9, "k10": 10, "k11": 11, "k12": 12, "k13": 13, "k14": 14,
        "k15": 15, "k16": 16, "k17": 17, "k18": 18, "k19": 19, "k20": 20, "k21": 21,
        "k22": 22, "k23": 23, "k24": 24, "k25": 25, "k26": 26, "k27": 27, "k28": 28,
        "k29": 29, "k30": 30, "k31": 31, "k32": 32}
print(len(many), many["k32"], list(many)[-3:])
many["k0"] = "zero"
del many["k1"]
print(list(many.items())[:3])
weird = {"": 0, "with space": 1, "ünï": 2, "a" * 40: 3}
print(weird, weird["ünï"], weird["a" * 40])

print("-- sets, fromkeys")
print(sorted(set(row(1))), sorted(frozenset(row(1))), dict.fromkeys(row(1)))
s = {"id", "zz"}
s.symmetric_difference_update(row(1))
print(sorted(s))
s = {"zz"}
s.update(row(1))
print(sorted(s))

print("-- exec with a display as globals")
ns = {"x": 1, "y": 2, "n": 0}
exec("def bump():\n"
     "    global x, n\n"
     "    for i in range(50):\n"
     "        x = x + y\n"
     "        n += 1\n"
     "    return x + len\n"
     "len = 100\n"
     "r = []\n"
     "for i in range(30):\n"
     "    r.append(bump())\n"
     "    if i == 10: y = 3\n"
     "    if i == 20: del y; y = -1\n", ns)
print(ns["x"], ns["n"], ns["r"][:3], ns["r"][-3:], sorted(k for k in ns if k != "__builtins__"))
code = compile("total = 0\nfor i in range(40):\n    total += w\n", "<s>", "exec")
for w in (1, 2):
    g2 = {"w": w, "total": None}
    exec(code, g2)
    print(g2["total"])
# With __builtins__ in the display exec adds no key: the code starts on the
# split dict itself.
g4 = {"__builtins__": __builtins__, "v": 1, "s": 0}
exec("def f():\n"
     "    global s\n"
     "    for i in range(40):\n"
     "        s += v\n"
     "for j in range(5):\n"
     "    f()\n"
     "    v = j * 10\n", g4)
print(g4["s"], g4["v"], sorted(k for k in g4 if k != "__builtins__"))
g5 = {"__builtins__": __builtins__, "v": 1, "s": 0}
print(eval("v + s + len('abc')", g5), eval("[v * i for i in range(3)]", g5))
g3 = {"q": 5, "p": 6}
print(eval("q * p + len('ab')", g3), sorted(g3))

print("-- attributes and classes")


class O:
    pass


o = O()
o.__dict__ = row(15)
print(o.id, o.name, getattr(o, "qty"), hasattr(o, "zz"))
for i in range(20):
    o.id = i
o.extra = 1
print(o.__dict__)
T = type("T", (), {"a": 1, "b": 2})
print(T.a, T().b)
T.c = 3
print(T.c, T.__dict__["a"])

print("-- keyword arguments")


def kw(**k):
    return k


def named(id, name, qty, price):
    return id, name, qty, price


print(kw(**row(16)), named(**row(17)), kw(**row(18), extra=1))
print(dict(row(19), id=0), dict(**row(20)))

print("-- json, pickle")
print(json.dumps([row(21), row(22)]), json.dumps(row(23), indent=1, sort_keys=True))
back = pickle.loads(pickle.dumps([row(24), row(24)]))
print(back, back[0] == row(24))
print(json.loads(json.dumps(row(25))) == row(25))
