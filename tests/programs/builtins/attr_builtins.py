# getattr/setattr/hasattr/delattr/vars/dir on objects and classes
class Obj:
    cls_attr = "class level"
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        return "m"
o = Obj()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "zzz", "dflt"), getattr(o, "method")())
setattr(o, "c", 3)
print(o.c, hasattr(o, "c"), hasattr(o, "d"), hasattr(Obj, "method"))
delattr(o, "a")
print(hasattr(o, "a"), vars(o), sorted(vars(Obj).keys() & {"cls_attr", "method", "__init__"}))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
names = dir(o)
print([n for n in names if not n.startswith("__")])
print("__init__" in names, "__class__" in names, names == sorted(names))
print([n for n in dir(Obj) if not n.startswith("_")])
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Custom()))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if n.startswith("is")])
setattr(Obj, "added", lambda self: "added method")
print(o.added())
print(getattr(1, "real"), getattr("s", "upper")(), hasattr(None, "__class__"))
