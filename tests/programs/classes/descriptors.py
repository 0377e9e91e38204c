# Descriptor protocol: __get__, __set__, __delete__, __set_name__; data vs non-data
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)

class Item:
    qty = Typed()
    price = Typed()
    def __init__(self, q, p):
        self.qty = q
        self.price = p

i = Item(2, 10)
print(i.qty, i.price, i.qty * i.price)
try:
    i.qty = "many"
except TypeError as e:
    print(e)
del i.qty
print(i.qty, isinstance(Item.qty, Typed))
i.__dict__["price"] = 999
print(i.price)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Host:
    attr = NonData()
h = Host()
print(h.attr, Host.attr)
h.attr = "instance wins"
print(h.attr)

class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, objtype):
        return (self.v, objtype.__name__)
class UseConst:
    c = Const(7)
print(UseConst.c, UseConst().c)

class Lazy:
    def __init__(self, f):
        self.f = f
        self.name = f.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        return v
class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)
