# dict methods: get/setdefault/pop/popitem/update/fromkeys/copy/clear, reversed, constructors, KeyError reprs and dict() errors
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("a"), d.pop("z", None), d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), d.copy(), len(d), list(d), list(reversed(d)))
d.clear(); print(d)
for f in (lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {"a": 1}["b"]):
    try:
        f()
    except KeyError as e:
        print(repr(e))
print(dict(a=1, b=2), dict([(1, 2)]), dict({1: 2}, c=3), dict(zip("ab", range(2))))
try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
