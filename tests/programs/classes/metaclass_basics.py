# metaclass basics: custom __new__/__init__/__call__, class registry, __prepare__-free
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")))
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
class Model(metaclass=Meta):
    field = 1
    def __init__(self, v=0):
        self.v = v
class User(Model):
    name = "u"
u = User(5)
print(u.v, User.created_by, type(User).__name__, type(u).__name__)
print(isinstance(User, Meta), isinstance(User, type))
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.classes.append(name)
class Root(metaclass=Registry):
    pass
class L1(Root): pass
class L2(L1): pass
print(Registry.classes)
class Upper(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, new_ns)
class Shout(metaclass=Upper):
    def hello(self):
        return "hi"
print(Shout().HELLO(), hasattr(Shout, "hello"))
class WithRepr(type):
    def __repr__(cls):
        return "<class %s via WithRepr>" % cls.__name__
    def __len__(cls):
        return 42
class Thing(metaclass=WithRepr):
    pass
print(Thing, len(Thing), [Thing])
Dyn = Meta("Dyn", (), {"x": 1})
print(Dyn.created_by, Dyn.x)
