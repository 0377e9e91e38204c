# Polymorphism: an abstract-style base class, overriding, class registries
import_free_pi = 3.14159

class Shape:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry.append(cls.__name__)
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return import_free_pi * self.r ** 2
class Blob(Shape):
    pass

shapes = [Rect(2, 3), Square(2), Circle(1), Rect(1, 1)]
for s in sorted(shapes):
    print(s.describe())
print(Shape.registry)
print(sum([s.area() for s in shapes]))
try:
    Blob().describe()
except NotImplementedError as e:
    print("not implemented:", e)
print([type(s).__name__ for s in shapes if isinstance(s, Rect)])
Blob().area()
