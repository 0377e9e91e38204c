# Rich comparisons, sorting objects with __lt__, reflected comparisons
class Version:
    def __init__(self, s):
        self.parts = tuple([int(p) for p in s.split(".")])
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts

vs = [Version("1.10"), Version("1.2"), Version("0.9.9"), Version("1.2.1")]
print(sorted(vs))
print(min(vs), max(vs))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.1"))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.0"))
try:
    Version("1.0") <= Version("1.1")
except TypeError as e:
    print(e)
print(sorted(vs, reverse=True))

class Money:
    def __init__(self, c):
        self.c = c
    def __eq__(self, o):
        print("eq called")
        return self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __le__(self, o):
        return self.c <= o.c
    def __ge__(self, o):
        return self.c >= o.c
print(Money(1) == Money(1), Money(1) != Money(2))
print(Money(1) <= Money(2), Money(3) >= Money(2))
class Num:
    def __init__(self, n):
        self.n = n
    def __gt__(self, other):
        print("gt", self.n, other)
        return self.n > other
print(5 < Num(7), Num(2) > 1)
print([1, 2] == [1, 2], (Num(1) == Num(1)))
a = Num(1)
print(a == a, a != a)
