# Classes: a class body, __init__, methods, a property, inheritance, super().
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    @property
    def norm1(self):
        return super().norm1 + abs(self.z)


p = Point3(1, -2, 3)
print(p, p.norm1, isinstance(p, Point))
