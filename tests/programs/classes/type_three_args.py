# type(name, bases, dict) creates classes; type() errors
def init(self, v):
    self.v = v
Point = type("Point", (), {"__init__": init, "double": lambda self: self.v * 2, "k": 1})
p = Point(21)
print(p.double(), p.k, Point.__name__, Point.__module__, Point.__bases__)
print(Point, type(p).__name__)
Sub = type("Sub", (Point,), {"k": 2})
s = Sub(1)
print(s.double(), s.k, Sub.__mro__)
print(type(Point), type(type), type(int), type(None).__name__)
Empty = type("Empty", (object,), {})
print(Empty.__doc__, Empty.__qualname__)
try:
    type("X", 1, {})
except TypeError as e:
    print(e)
try:
    type("X", (), [])
except TypeError as e:
    print(e)
try:
    type(1, (), {})
except TypeError as e:
    print(e)
try:
    type("a", "b")
except TypeError as e:
    print(e)
try:
    type("Q", (1,), {})
except TypeError as e:
    print(e)
try:
    class B(bool): pass
except TypeError as e:
    print(e)
try:
    class C(int, str): pass
except TypeError as e:
    print(e)
WithDoc = type("WithDoc", (), {"__doc__": "hi", "__qualname__": "Q.WithDoc"})
print(WithDoc.__doc__, WithDoc.__qualname__, WithDoc)
