# class decorators: adding methods, registering, wrapping, decorator factories
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def add_repr(cls):
    fields = cls.fields
    def __repr__(self):
        inner = ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields)
        return "%s(%s)" % (type(self).__name__, inner)
    cls.__repr__ = __repr__
    return cls
def with_init(*names):
    def deco(cls):
        def __init__(self, *args):
            if len(args) != len(names):
                raise TypeError("expected %d args, got %d" % (len(names), len(args)))
            for n, a in zip(names, args):
                setattr(self, n, a)
        cls.__init__ = __init__
        cls.fields = names
        return cls
    return deco
@register
@add_repr
@with_init("x", "y")
class Vec:
    pass
@register
@add_repr
@with_init("name", "tags", "score")
class Rec:
    pass
print(Vec(1, 2))
print(Rec("a", ["t1"], 9.5))
print(registry)
try:
    Vec(1)
except TypeError as e:
    print("TypeError:", e)
def singleton(cls):
    instance = cls()
    return instance
@singleton
class Config:
    debug = False
    def __init__(self):
        self.values = {"mode": "fast"}
print(Config.values, Config.debug, type(Config).__name__)
def replaced(cls):
    return 42
@replaced
class Gone:
    pass
print(Gone)
