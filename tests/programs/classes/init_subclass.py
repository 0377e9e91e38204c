# __init_subclass__ with keyword arguments, __set_name__, __class_getitem__
class Plugin:
    plugins = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins[name or cls.__name__] = cls
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
print(sorted(Plugin.plugins), Plugin.plugins["alpha"] is A)
try:
    class C(foo=1):
        pass
except TypeError as e:
    print(e)

class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.name, Model.a.owner)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int], Box[str])
