# NotImplemented fallback order: left op, reflected op, subclass-first rule, TypeError
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("A.__radd__")
        return "A.radd"
class B:
    def __add__(self, o):
        print("B.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("B.__radd__")
        return "B.radd"
print(A() + B())
print(B() + A())
class Base:
    def __mul__(self, o):
        return "Base.mul"
    def __rmul__(self, o):
        return "Base.rmul"
class Derived(Base):
    def __rmul__(self, o):
        return "Derived.rmul"
print(Base() * Derived())
print(Derived() * Base())
class N:
    def __sub__(self, o):
        return NotImplemented
    def __rsub__(self, o):
        return NotImplemented
try:
    N() - N()
except TypeError as e:
    print("TypeError:", e)
try:
    N() - 1
except TypeError as e:
    print("TypeError:", e)
class I:
    def __init__(self):
        self.v = 1
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        print("fallback to __add__")
        r = I()
        r.v = self.v + o
        return r
x = I()
y = x
x += 5
print(x.v, y.v, x is y)
print(bool(NotImplemented is NotImplemented), repr(NotImplemented))
print((1).__add__(1.5), (1.5).__radd__(1))
print(int.__add__(3, 4), str.__add__("a", "b"))
