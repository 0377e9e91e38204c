# class and instance attributes: lookup order, shadowing, __dict__, del
class Point:
    dims = 2
    origin_name = "O"

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(3, 4)
q = Point(-1, 7)
print(p.x, p.y, p.dims, Point.dims)
print(sorted(p.__dict__.items()))
p.dims = 3
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, q.dims)
p.label = "P"
print("label" in p.__dict__, "label" in q.__dict__)
print(hasattr(q, "label"), getattr(q, "label", "none"))
setattr(q, "label", "Q")
print(q.label)
delattr(q, "label")
print(hasattr(q, "label"))
print(Point.__name__, Point.__qualname__, Point.__module__)
print(type(p) is Point, p.__class__ is Point)
print("dims" in Point.__dict__, "x" in Point.__dict__)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.nothing
except AttributeError as e:
    print("AttributeError:", e)
class Empty:
    pass
e = Empty()
print(e.__dict__)
e.a = 1
e.b = [1, 2]
e.b.append(3)
print(e.__dict__)
print(vars(e) == e.__dict__)
