# type() with one argument and three arguments to build classes dynamically
print(type(1), type("s"), type([]), type(None), type(type))
print(type(3.5).__name__, type({}).__name__, type(()).__name__)
def hello(self):
    return "hello from " + type(self).__name__
Dyn = type("Dyn", (), {"x": 1, "hello": hello})
d = Dyn()
print(Dyn.__name__, d.x, d.hello())
print(type(d) is Dyn, Dyn.__bases__ == (object,))
Sub = type("Sub", (Dyn,), {"y": 2, "__repr__": lambda self: "<Sub y=%d>" % self.y})
s = Sub()
print(s, s.x, s.y, s.hello())
print([c.__name__ for c in Sub.__mro__])
print(isinstance(s, Dyn), issubclass(Sub, Dyn))
def init(self, v):
    self.v = v
Box = type("Box", (object,), {"__init__": init, "double": lambda self: self.v * 2})
print(Box(21).double())
print(type(Box) is type, type(Box(1)).__name__)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    pass
print(type(Meta), type(int), type(object))
print(Dyn.__qualname__, Sub.__module__)
