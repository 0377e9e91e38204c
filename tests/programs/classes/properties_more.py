# property with getter, setter and deleter; validation; read-only properties
class Temperature:
    def __init__(self, c):
        self.celsius = c
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        print("set celsius", v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius)
print(t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
def getx(self):
    return self._x
def setx(self, v):
    self._x = v * 10
class Old:
    x = property(getx, setx, None, "the x doc")
o = Old()
o.x = 4
print(o.x, Old.x.__doc__)
print(type(Old.x).__name__, Old.x.fget is getx, Old.x.fdel)
p = Temperature.celsius
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__)
