# property/classmethod/staticmethod used as plain callables, and their attributes
class T:
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v * 2
    v = property(_get, _set, doc="value doc")
    ro = property(lambda self: "read only")
    def _cm(cls):
        return cls.__name__
    name = classmethod(_cm)
    def _sm(x):
        return x + 1
    inc = staticmethod(_sm)
t = T()
t.v = 5
print(t.v, t.ro, T.name(), t.name(), T.inc(1), t.inc(2), T.v.__doc__)
p = property()
print(p.fget, p.fset, p.fdel)
class U:
    x = p
try:
    U().x
except AttributeError as e:
    print("AttributeError:", e)
p2 = T.v.setter(lambda self, v: None)
print(type(p2).__name__, p2 is T.v, p2.fget is T.v.fget)
p3 = property(T._get).getter(lambda self: "new getter")
class W:
    x = p3
print(W().x)
print(isinstance(T.__dict__["name"], classmethod), isinstance(T.__dict__["inc"], staticmethod))
print(T.__dict__["inc"].__func__(10), T.__dict__["name"].__func__(int))
cm = classmethod(lambda cls, y: (cls.__name__, y))
class V:
    m = cm
class VV(V):
    pass
print(V.m(1), VV.m(2), VV().m(3))
