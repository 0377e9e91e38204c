# __index__, __int__, __float__, __round__, __abs__, __format__, __bool__ on user classes
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(2)
print([10, 20, 30][i], "abcdef"[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), range(Idx(3)))
print(list(range(10))[Idx(7)], (1, 2, 3)[Idx(-1)])

class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __round__(self, n=None):
        return ("round", n)
    def __abs__(self):
        return "abs!"
print(int(Num(3.7)), float(Num(2)), round(Num(1)), round(Num(1), 2), abs(Num(-1)))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __str__(self):
        return "Money"
m = Money(12345)
print(format(m, "short"), f"{m}", f"{m:.1f}", f"{m:short}", "{:short}".format(m), str(m))
class NoFormat:
    pass
print(format(NoFormat(), "")[:11])
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(e)

class Truthy:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
print(bool(Truthy(True)), bool(Truthy(False)), not Truthy(False))
print("yes" if Truthy(True) else "no", [x.b for x in [Truthy(0 == 1), Truthy(True)] if x])
class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), bool(object()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
if LenOnly() or Truthy(True):
    print("or works")
while Truthy(False):
    pass
print(divmod(7, 2))
class DM:
    def __divmod__(self, o):
        return ("dm", o)
    def __rdivmod__(self, o):
        return ("rdm", o)
print(divmod(DM(), 3), divmod(3, DM()))
