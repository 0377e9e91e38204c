# property: getter, setter, deleter, decorator forms, docs, errors
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        """Temperature in Celsius."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(e)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__, isinstance(Temp.celsius, property))

class Old:
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 2
    x = property(get_x, set_x, None, "the x")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, Old.x.fget is Old.get_x, Old.x.fdel)

class NoGet:
    y = property(None, lambda self, v: print("set", v))
n = NoGet()
n.y = 4
try:
    n.y
except AttributeError as e:
    print(e)
class Shadow:
    @property
    def v(self):
        return "prop"
s = Shadow()
s.__dict__["v"] = "inst"
print(s.v)
