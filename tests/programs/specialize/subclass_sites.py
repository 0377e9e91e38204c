# One call site, several related classes: a subclass may turn an instance
# attribute into a property, override a method or a property, or take over
# attribute access, and the caches specialized for the base must notice.

class Base:
    def __init__(self, x):
        self.x = x
    def m(self):
        return "Base.m"
    @property
    def p(self):
        return "Base.p"

class Plain(Base):
    pass

class XProperty(Base):
    @property
    def x(self):
        return "XProperty.x"
    @x.setter
    def x(self, v):
        self.__dict__["_x"] = v

class Override(Base):
    def m(self):
        return "Override.m"
    @property
    def p(self):
        return "Override.p"

class Getattribute(Base):
    def __getattribute__(self, name):
        if name == "m":
            return lambda: "Getattribute.m"
        return "Getattribute." + name

class Slotted:
    __slots__ = ("x",)
    def __init__(self, x):
        self.x = x
    def m(self):
        return "Slotted.m"
    p = "Slotted.p"

def read(o):
    return (o.x, o.m(), o.p)

def write(o, v):
    o.x = v

objs = [Base(1), Plain(2), XProperty(3), Override(4), Getattribute(5), Slotted(6)]
for k in range(40):
    for o in objs[: 1 + k % len(objs)]:
        r = read(o)
        write(o, k)
for o in objs:
    print(type(o).__name__, read(o), vars(o) if hasattr(o, "__dict__") and not isinstance(o, Getattribute) else "-")
