# __init_subclass__ hooks, keyword arguments to class statements, registries
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print("registered", key, "->", cls.__name__)
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry))
print(Plugin.registry["b"] is Beta)
class Base:
    def __init_subclass__(cls, /, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = prefix + cls.__name__
class One(Base, prefix="x-"):
    pass
class Two(One):
    pass
print(One.tag, Two.tag)
try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Counted:
    n = 0
    def __init_subclass__(cls):
        Counted.n += 1
        cls.serial = Counted.n
class C1(Counted): pass
class C2(Counted): pass
class C3(C1): pass
print(C1.serial, C2.serial, C3.serial, Counted.n)
