# classmethod and staticmethod: calls through class, instance and subclasses
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    @classmethod
    def made(cls):
        return cls.count
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(Date(2000, 1, 1).from_string("2001-02-03"))
print(Date.is_leap(2000), Date.is_leap(1900), MyDate.is_leap(2024), Date(1, 1, 1).is_leap(3))
print(Date.made(), MyDate.made())
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__(2023), cm.__func__(MyDate, "5-6-7"))
def plain(x):
    return x * 2
s = staticmethod(plain)
print(s.__func__ is plain)
class Holder:
    double = staticmethod(plain)
    @classmethod
    def name(cls):
        return cls.__name__
print(Holder.double(21), Holder().double(4), Holder.name(), Holder().name())
