# dict methods: get/setdefault/pop/popitem/update/fromkeys/copy/clear, insertion order, | operator
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2), (3, 4)]))
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c)
c.clear()
print(c, len(c))
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 9})
e = {"k": 1}
e |= {"j": 2}
print(e)
d2 = {}
d2[1] = "int"
d2[1.0] = "float overwrites"
d2[True] = "bool too"
print(d2)
d3 = {"x": 1, "y": 2}
del d3["x"]
d3["x"] = 3
print(list(d3))
for bad in [lambda: {}["k"], lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {[]: 1}, lambda: dict([1, 2])]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print({1: "a"} == {1: "a"}, {1: 1, 2: 2} == {2: 2, 1: 1}, dict(zip("ab", [1, 2])))
print(repr({}), repr({"q": [1, {"n": None}]}), str({1: (2,)}))
nested = {"lvl1": {"lvl2": {"lvl3": "deep"}}}
print(nested["lvl1"]["lvl2"]["lvl3"], sorted({3: 0, 1: 0, 2: 0}))
print(list(reversed({"a": 1, "b": 2})), dict(sorted({"b": 1, "a": 2}.items())))
