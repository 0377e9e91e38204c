# format() builtin and __format__ on builtin types with empty and non-empty specs
print(format(12), format(12.0), format("s"), format([1, 2]), format(None), format(1j))
print(format(1234.5678, ".2f"), format(1234.5678, ",.1f"), format(0.000012345, ".3g"), format(12, "08.3f"))
print(format(42, "x"), format(42, "#o"), format(42, "b"), format(42, "c"), format(-42, "x"))
print(format("abc", ">6"), format("abc", "-^7"), format(3, "<4") + "|", format(True, ">5"))
print(format(2 ** 100, ","), format(-2 ** 70, "_x"), format(10 ** 20, "e"), format(0.1, ".20f"))
print(format(float("inf"), "f"), format(float("nan"), "+"), format(-0.0, "+.1f"), format(1e-10, "%"))
print(int.__format__(5, "03"), str.__format__("x", "^3"), float.__format__(0.5, ".1%"))
class P:
    def __format__(self, spec):
        return "P[" + spec + "]"
print(format(P(), "anything"), format(P()), f"{P():x>5}", "{:spec}".format(P()))
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
