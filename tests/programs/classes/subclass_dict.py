# subclassing dict: __missing__, overriding __getitem__/__setitem__, attr-dict
class Default(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = Default(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d), d.get("zzz"), "zzz" in d)
class Count(dict):
    def __missing__(self, key):
        return 0
c = Count()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
lo = Lower()
lo["Hello"] = 1
lo["WORLD"] = 2
print(lo["HELLO"], lo["world"], list(lo))
print(type(lo.copy()).__name__)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, v):
        self[name] = v
a = AttrDict(x=1)
a.y = 2
print(a.x, a.y, a)
try:
    a.z
except AttributeError as e:
    print("AttributeError:", e)
class Base(dict):
    pass
b = Base({"k": 1})
print(b, isinstance(b, dict), b == {"k": 1}, repr(b))
try:
    Count()["x"]
    Default(int).factory
    dict()["nope"]
except KeyError as e:
    print("KeyError:", e)
