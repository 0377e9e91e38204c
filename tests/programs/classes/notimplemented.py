# NotImplemented: fallback to the reflected method, subclass priority, errors
class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("A.__radd__")
        return "A.radd"
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
class B(A):
    def __radd__(self, other):
        print("B.__radd__")
        return "B.radd"
    def __eq__(self, other):
        print("B.__eq__")
        return NotImplemented
class C:
    def __radd__(self, other):
        print("C.__radd__")
        return "C.radd"

print(A() + B())
print(A() + C())
print(1 + A())
print(A() == B())
print(A() == A())
try:
    A() + 1
except TypeError as e:
    print(e)
try:
    C() + A()
except TypeError as e:
    print(e)

class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if not isinstance(other, Lt):
            return NotImplemented
        return self.v < other.v
    def __gt__(self, other):
        if not isinstance(other, Lt):
            return NotImplemented
        return self.v > other.v
print(Lt(1) < Lt(2), Lt(1) > Lt(2))
try:
    Lt(1) < 5
except TypeError as e:
    print(e)
class Sub(Lt):
    def __gt__(self, other):
        print("Sub.__gt__ first")
        return True
print(Lt(5) < Sub(1))

class InPlace:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
class NoIPlace:
    def __init__(self, v):
        self.v = v
    def __add__(self, x):
        return NoIPlace(self.v + x)
a = InPlace()
b = a
a += 1
a += 2
print(a is b, a.items)
n = NoIPlace(1)
m = n
n += 5
print(n is m, n.v, m.v)
print(repr(NotImplemented), type(NotImplemented).__name__)
