# rich comparisons, reflection of <,>, total ordering written by hand, sorting
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        return not self <= o
    def __ge__(self, o):
        return not self < o
    __hash__ = None
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a == Version("1.2"), a != Version("1.2"))
print(a == "1.2", a != "1.2")
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("Rev.__gt__")
        return self.v > o
print(3 < Rev(5))
print(Rev(1) > 0)
class Loud:
    def __eq__(self, o):
        print("Loud.__eq__")
        return True
print(1 == Loud(), Loud() != 1)
print(1 < 2 < 3 > 0, Version("1") < Version("2") < Version("3"))
print(sorted(vs, reverse=True))
