# int() from str and numbers: bases 0/8/16/36, prefixes, underscores, non-ASCII digits, bytes; ValueError, OverflowError and TypeError messages
print(int("42"), int(" -42 "), int("1_000"), int("0x1f", 16), int("0x1f", 0), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("777", 8), int("+12"), int(3.9), int(-3.9), int(True))
print(int("١٢٣"), int(b"12"), int("  7\n"))
for bad in ("", "1_", "_1", "1__0", "0x", "12a", "1 2", "0b2"):
    try:
        int(bad, 0)
    except ValueError as e:
        print(e)
try:
    int("10", 1)
except ValueError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
