# __getattr__ (fallback only) versus __getattribute__ (every lookup)
class Fallback:
    x = 1
    def __init__(self):
        self.y = 2
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError("no attribute %r" % name)
f = Fallback()
print(f.x, f.y, f.auto_hello)
try:
    f.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(f, "nope", "default"), hasattr(f, "auto_x"), hasattr(f, "zzz"))
class Logged:
    def __init__(self):
        self.a = 10
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("lookup", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.a * 2
l = Logged()
print(l.a)
print(l.method())
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
b = Both()
print(b.boom, b.other)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))
class Recursive:
    def __getattr__(self, name):
        if name == "deep":
            return self.deeper
        if name == "deeper":
            return 99
        raise AttributeError(name)
print(Recursive().deep)
