# methods.py — method calls on instances of user classes: plain methods, methods
# calling other methods on self, an overridden method reached through a base-class
# method, a classmethod/staticmethod pair and a property. Measures LOAD_METHOD +
# CALL on Python methods (bound-method avoidance), LOAD_ATTR/STORE_ATTR on
# instances, and the MRO lookup for inherited methods.
N = 800000  # small: 12000

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    @property
    def swapped(self):
        return Vec(self.y, self.x)

    @staticmethod
    def zero():
        return Vec(0, 0)

    @classmethod
    def unit(cls):
        return cls(1, 1)


class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def describe(self):
        return self.area() + self.size


class Square(Shape):
    def area(self):
        return self.size * self.size


class Tri(Shape):
    def area(self):
        return self.size * self.size // 2


class Counter:
    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += 1
        return self

    def get(self):
        return self.n


v = Vec.zero()
u = Vec.unit()
shapes = [Square(3), Tri(4), Shape(5), Square(1)]
c = Counter()
acc = 0
for i in range(N):
    v = v.add(u)
    acc += v.dot(u) % 7 + v.swapped.norm1() % 3
    acc += shapes[i % 4].describe()
    c.tick().tick()
print(acc, v.x, v.y, c.get())
