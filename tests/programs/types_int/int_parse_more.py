# int(str, base) and int() conversions: bases 0/2-36, prefixes, underscores, whitespace, errors
print(int("42"), int("-17"), int("  +8  "), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("777", 8), int("1" * 64, 2))
print(int("1_000_000"), int("0x_ff", 16), int("10", 0))
print(int(3.99), int(-3.99), int(True), int(2 ** 70 + 0.0 - 2 ** 70 + 5))
print(int("١٢٣"), int(" \t12\n"))
for bad in ["", " ", "1.5", "0x", "1__0", "_1", "08", "12a", "--1", "1e5"]:
    try:
        int(bad, 0 if bad == "08" else 10)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(10, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
class HasInt:
    def __int__(self):
        return 7
class HasIndex:
    def __index__(self):
        return 9
print(int(HasInt()), int(HasIndex()), [10, 20, 30, 40, 50, 60, 70, 80, 90, 100][HasIndex()])
print(int(b"12"), int(bytearray(b"-3")))
