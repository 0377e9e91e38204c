# __new__ and __init__ ordering, __new__ returning other types, singletons, caching
class Tracer:
    def __new__(cls, *args, **kw):
        print("__new__", cls.__name__, args, kw)
        return super().__new__(cls)
    def __init__(self, a, b=0):
        print("__init__", a, b)
        self.a, self.b = a, b
t = Tracer(1, b=2)
print(t.a, t.b)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.count = 0
        return cls._inst
    def __init__(self):
        self.count += 1
s1, s2, s3 = Single(), Single(), Single()
print(s1 is s2 is s3, s1.count)
class Weird:
    def __new__(cls, v):
        if v < 0:
            return "negative!"
        return super().__new__(cls)
    def __init__(self, v):
        print("init called with", v)
        self.v = v
print(Weird(5).v)
print(Weird(-1))
class Interned:
    pool = {}
    def __new__(cls, name):
        if name not in cls.pool:
            o = super().__new__(cls)
            o.name = name
            cls.pool[name] = o
        return cls.pool[name]
print(Interned("a") is Interned("a"), Interned("a") is Interned("b"), len(Interned.pool))
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
