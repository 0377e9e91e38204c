# abstract base classes written by hand: NotImplementedError, template methods, checks in __init_subclass__
class Shape:
    required = ("area", "perimeter")
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        missing = [m for m in cls.required if m not in vars(cls) and not any(m in vars(b) for b in cls.__mro__[1:-2])]
        cls.abstract = bool(missing)
    def __init__(self):
        if getattr(type(self), "abstract", True):
            raise TypeError("Can't instantiate abstract class %s" % type(self).__name__)
    def area(self):
        raise NotImplementedError
    def describe(self):
        return "%s: area=%.2f perimeter=%.2f" % (type(self).__name__, self.area(), self.perimeter())
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__()
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Half(Shape):
    def area(self):
        return 1
for make in [lambda: Rect(2, 3), lambda: Square(4), lambda: Half(), lambda: Shape()]:
    try:
        print(make().describe())
    except TypeError as e:
        print("TypeError:", e)
print(Rect.abstract, Square.abstract, Half.abstract)
class Base:
    def run(self):
        return [self.step1(), self.step2()]
    def step1(self):
        return "base step1"
    def step2(self):
        raise NotImplementedError("step2 must be overridden")
class Impl(Base):
    def step2(self):
        return "impl step2"
print(Impl().run())
try:
    Base().run()
except NotImplementedError as e:
    print("NotImplementedError:", e)
