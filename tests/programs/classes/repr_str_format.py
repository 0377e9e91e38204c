# __repr__, __str__ and __format__: which is used where (print, f-strings, containers)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(%d)" % self.cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "c":
            return "%d cents" % self.cents
        return format(self.cents / 100, spec)
m = Money(12345)
print(m)
print(repr(m), str(m))
print([m, Money(5)])
print((m,), {"k": m})
print(f"{m}|{m!r}|{m!s}|{m:c}|{m:>10.1f}")
print("{}|{:c}|{!r}".format(m, m, m))
print(format(m, "08.3f"))
print("%s and %r" % (m, m))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), f"{o}", [o])
class OnlyStr:
    def __str__(self):
        return "only-str"
s = OnlyStr()
print(s, f"{s}", "%s" % s)
try:
    format(o, "x")
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Sub(Money):
    def __str__(self):
        return "sub:" + super().__str__()
print(Sub(250), repr(Sub(1)), f"{Sub(99)}")
