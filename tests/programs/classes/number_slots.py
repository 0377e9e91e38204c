# Classes reach abs(), divmod(), pow(a, b, m) and the conversions through the same slots the builtin numbers use.
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __abs__(self):
        return Num(abs(self.v))
    def __divmod__(self, other):
        return ("divmod", self.v, other)
    def __rdivmod__(self, other):
        return ("rdivmod", other, self.v)
    def __pow__(self, other, mod=None):
        return ("pow", self.v, other, mod)
    def __index__(self):
        return self.v

n = Num(-3)
print(abs(n), divmod(n, 2), divmod(2, n), divmod(n, n), pow(n, 2), pow(n, 2, 5), n ** 2)
print([10, 20, 30, 40][Num(2)], bin(Num(5)), hex(Num(255)), range(10)[Num(3)])
try:
    pow(2, n, 5)            # three-argument pow never uses __rpow__
except TypeError as e:
    print(e)

class OnlyNeg:
    def __neg__(self):
        return "neg"
print(-OnlyNeg())
for f in (abs, lambda x: +x, lambda x: ~x, lambda x: divmod(x, 1), lambda x: divmod(1, x)):
    try:
        f(OnlyNeg())
    except TypeError as e:
        print(e)

class MyInt(int):
    def __abs__(self):
        return "my abs"
    def __neg__(self):
        return "my neg"
class PlainInt(int):
    pass
print(abs(MyInt(-4)), -MyInt(4), +MyInt(4), ~MyInt(4), divmod(MyInt(7), 2), MyInt(7).__int__())
print(abs(PlainInt(-4)), type(abs(PlainInt(-4))).__name__, divmod(PlainInt(7), PlainInt(2)),
      pow(PlainInt(2), 10, 1000), int.__abs__(MyInt(-4)), int.__neg__(MyInt(4)))

class MyFloat(float):
    def __divmod__(self, other):
        return "my divmod"
    def __rdivmod__(self, other):
        return "my rdivmod"
print(divmod(MyFloat(1.5), 1), divmod(1, MyFloat(1.5)), divmod(1.0, MyFloat(1.5)), abs(MyFloat(-1.5)))

class R:
    def __radd__(self, other):
        return ("radd", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
print(1 + R(), 1.5 + R(), divmod(7, R()), divmod(7.5, R()), (1).__add__(R()), (1).__divmod__(R()))

print([v.__sizeof__() for v in (0, 1, 2 ** 30 - 1, 2 ** 30, 2 ** 60, -5, True, 2 ** 100)])

# every numeric dunder name python3.11 lists, by type
for t in (int, float, complex, bool):
    print(t.__name__, sorted(n for n in dir(t)))
    print(t.__name__, sorted(n for n in t.__dict__
                             if n.startswith("__") and n not in ("__getattribute__", "__doc__")))
