# dict methods: get, setdefault, pop, update, keys/values/items, copy, clear.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"])
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("zz", "missing"), d)
d.update({"a": 10, "f": 6})
d.update([("g", 7)])
d.update(h=8)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k], end=" | ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
c = d.copy()
c["new"] = 0
print(len(d), len(c), c.pop("new"), c.pop("h"), len(c))
c.clear()
print(c, bool(c), bool(d))
del d["a"]
print(d)
d["a"] = 1
print(list(d))
print(dict(x=1, y=2), dict([(1, 2), (3, 4)]), dict({"k": "v"}), dict())
print(sorted({3: "c", 1: "a", 2: "b"}.items()), max({1: 0, 5: 0}), sum({1: 0, 5: 0}))
print({1: 1} == {1: 1.0}, {1: 2} != {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(sorted(d.keys()), len(d.values()), len(d.items()))
