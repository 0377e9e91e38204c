# properties across inheritance: overriding a property, extending a setter via super(), class-level access
class Base:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        print("Base setter", v)
        self._x = v
class Child(Base):
    @property
    def x(self):
        return super().x * 100
    @x.setter
    def x(self, v):
        print("Child setter", v)
        Base.x.fset(self, v + 1)
c = Child()
print(c.x)
c.x = 5
print(c.x, c._x)
class ReadOnlyChild(Base):
    x = property(Base.x.fget)
r = ReadOnlyChild()
print(r.x)
try:
    r.x = 3
except AttributeError as e:
    print("AttributeError:", e)
class Plain(Base):
    x = 42
p = Plain()
print(p.x, type(Base.__dict__["x"]).__name__, Plain.x)
class Lazy:
    computed = 0
    @property
    def value(self):
        if "_value" not in self.__dict__:
            Lazy.computed += 1
            self._value = sum(range(1000))
        return self._value
l = Lazy()
print(l.value, l.value, Lazy.computed)
