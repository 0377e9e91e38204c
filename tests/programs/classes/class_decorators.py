# Class decorators and functions that build classes
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join([f"{k}={v!r}" for k, v in self.__dict__.items()])
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@register
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

@register
class Other:
    pass

print(Point(1, "a"))
print(sorted(registry))
print(registry["Point"] is Point)

def make_class(name, base=object):
    class Made(base):
        def hello(self):
            return "hello from " + type(self).__name__
    Made.__name__ = name
    return Made
K = make_class("K")
print(K().hello(), K.__name__, K.__qualname__)

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class DB:
    def __init__(self, n):
        self.n = n
print(DB(1).n, DB(2).n, DB(1) is DB(3))
