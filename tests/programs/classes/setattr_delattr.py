# __setattr__ and __delattr__ hooks: validation, frozen objects, object.__setattr__
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError("cannot set %r: frozen" % name)
    def __delattr__(self, name):
        raise AttributeError("cannot delete %r: frozen" % name)
    def __repr__(self):
        return "Frozen(%s)" % ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))
f = Frozen(a=1, b="two")
print(f)
try:
    f.a = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del f.b
except AttributeError as e:
    print("AttributeError:", e)
class Audit:
    def __init__(self):
        self.log = []
        self.x = 1
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append("set " + name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        super().__delattr__(name)
a = Audit()
a.x = 2
a.y = 3
del a.x
setattr(a, "z", 4)
delattr(a, "y")
print(a.log, sorted(vars(a)))
try:
    del a.nothing
except AttributeError as e:
    print("AttributeError:", e)
class Upper:
    def __setattr__(self, name, value):
        if isinstance(value, str):
            value = value.upper()
        object.__setattr__(self, name, value)
u = Upper()
u.name = "ada"
u.n = 3
print(u.name, u.n)
try:
    object.__setattr__(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
