# descriptors: __get__/__set__/__delete__/__set_name__, data vs non-data precedence
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.slot = "_" + name
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        setattr(obj, self.slot, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.slot)
class Item:
    name = Typed(str)
    qty = Typed(int)
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty
it = Item("bolt", 12)
print(it.name, it.qty, sorted(it.__dict__))
try:
    it.qty = "many"
except TypeError as e:
    print("TypeError:", e)
del it.qty
print(sorted(it.__dict__))
print(type(Item.name).__name__, Item.name.kind.__name__)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Host:
    nd = NonData()
h = Host()
print(h.nd)
h.__dict__["nd"] = "from instance"
print(h.nd)
class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"
    def __set__(self, obj, v):
        raise AttributeError("read only")
class Host2:
    d = Data()
h2 = Host2()
h2.__dict__["d"] = "instance value"
print(h2.d)
try:
    h2.d = 5
except AttributeError as e:
    print("AttributeError:", e)
class Const:
    def __get__(self, obj, cls):
        return (obj is None, cls.__name__)
class K:
    c = Const()
print(K.c, K().c)
