# a hand-written record base class using __init_subclass__, __eq__, __repr__ and ordering
class Record:
    fields = ()
    def __init_subclass__(cls):
        anns = cls.__dict__.get("__annotations__", {})
        cls.fields = tuple(cls.fields) + tuple(anns)
    def __init__(self, *args, **kw):
        names = list(self.fields)
        if len(args) > len(names):
            raise TypeError("too many arguments")
        for n, v in zip(names, args):
            setattr(self, n, v)
        for n in names[len(args):]:
            if n in kw:
                setattr(self, n, kw.pop(n))
            elif hasattr(type(self), n):
                setattr(self, n, getattr(type(self), n))
            else:
                raise TypeError("missing field " + n)
        if kw:
            raise TypeError("unknown fields " + ", ".join(sorted(kw)))
    def astuple(self):
        return tuple(getattr(self, n) for n in self.fields)
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (n, getattr(self, n)) for n in self.fields))
    def __eq__(self, o):
        return type(o) is type(self) and self.astuple() == o.astuple()
    def __lt__(self, o):
        return self.astuple() < o.astuple()
class Point(Record):
    x: int
    y: int = 0
class Point3(Point):
    z: int = 0
print(Point.fields, Point3.fields)
print(Point(1, 2), Point(5), Point(x=3, y=4))
print(Point3(1, 2, 3), Point3(1, z=9))
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point3(1, 2), Point(1) != Point(2))
print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, w=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(Point.__annotations__)
