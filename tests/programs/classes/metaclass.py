# Metaclasses: custom __new__/__init__/__call__, __prepare__-less registries
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        ns["registered"] = True
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.init_done = name
class Base(metaclass=Registry):
    pass
class Derived(Base):
    pass
print(Registry.classes, Base.registered, Derived.init_done)
print(type(Base).__name__, type(Derived) is Registry, isinstance(Base, type))

class CountCalls(type):
    def __call__(cls, *args, **kw):
        cls.calls = getattr(cls, "calls", 0) + 1
        return super().__call__(*args, **kw)
class Thing(metaclass=CountCalls):
    def __init__(self, x):
        self.x = x
t = Thing(1)
Thing(2)
print(t.x, Thing.calls)

class WithMethod(type):
    def describe(cls):
        return "class " + cls.__name__
class W(metaclass=WithMethod):
    pass
print(W.describe())
try:
    W().describe()
except AttributeError as e:
    print(e)
