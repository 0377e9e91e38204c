# Properties inherited and overridden; read-only computed attributes; caching
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
    @property
    def double(self):
        return self.v * 2
class Child(Base):
    @property
    def v(self):
        return super().v + 100
c = Child()
print(c.v, c.double)
try:
    c.v = 5
except AttributeError as e:
    print(e)
b = Base()
b.v = 5
print(b.v, b.double)
class Both(Base):
    @Base.v.setter
    def v(self, x):
        self._v = -x
bb = Both()
bb.v = 3
print(bb.v, bb.double)
class Cached:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        if "_value" not in self.__dict__:
            self.calls += 1
            self._value = 42
        return self._value
x = Cached()
print(x.value, x.value, x.calls)
print(Base.v.fget.__name__, Both.v.fset.__name__, Base.double.fset)
