# __getattr__ fallback, __getattribute__, __setattr__, __delattr__
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)

class Target:
    def __init__(self):
        self.x = 1
    def hello(self):
        return "hello"
t = Target()
p = Proxy(t)
print(p.x, p.hello())
p.y = 2
print(t.y, p.y)
del p.y
print(hasattr(t, "y"), p.log)
try:
    p.nothing
except AttributeError as e:
    print(e)

class Default:
    a = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return name[4:]
        raise AttributeError(f"no {name}")
d = Default()
print(d.a, d.get_thing, getattr(d, "get_x"), hasattr(d, "zzz"))
try:
    d.zzz
except AttributeError as e:
    print(e)

class Loud:
    def __init__(self):
        self.v = 3
    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)
l = Loud()
print(l.v, l.secret)
try:
    l.other
except AttributeError as e:
    print(e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
f = Frozen(1)
try:
    f.v = 2
except AttributeError as e:
    print(e, f.v)
