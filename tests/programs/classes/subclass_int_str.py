# subclassing int and str: __new__, arithmetic returns base type, overriding repr
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError("%d is odd" % v)
        return super().__new__(cls, v)
    def half(self):
        return Even(self // 2) if self % 4 == 0 else int(self) // 2
e = Even(12)
print(e, e + 1, type(e + 1).__name__, e.half(), type(e.half()).__name__)
try:
    Even(3)
except ValueError as err:
    print("ValueError:", err)
class Flag(int):
    def __repr__(self):
        return "Flag(%d)" % int(self)
    def __str__(self):
        return "flag-%d" % int(self)
f = Flag(7)
print(f, repr(f), [f], f * 2, f == 7, hash(f) == hash(7), f"{f}")
print(isinstance(f, int), int(f), f.bit_length())
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("alice")
print(n, n.shout(), n.title(), type(n.title()).__name__, len(n), n[1:3])
print(n == "alice", n + "!", type(n + "!").__name__, {n: 1}["alice"])
class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
t = Tagged("text", "T1")
print(t, t.tag, t.upper(), repr(t))
class Celsius(float):
    def __repr__(self):
        return "%s°C" % float.__repr__(self)
print(repr(Celsius(21.5)), Celsius(1.5) + 1)
print(int.__new__(Even, 5), type(int.__new__(Even, 5)).__name__)
class Bits(int):
    pass
print(Bits(5) | 2, type(Bits(5) | 2).__name__, Bits("ff", 16))
