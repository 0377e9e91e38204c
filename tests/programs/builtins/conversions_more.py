# bool/int/float/complex/str/repr/ascii/chr/ord/bytes conversions
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([[]]), bool(0.0), bool(0j))
print(int("7"), int(7.9), int("-0b11", 0), float("3.5e2"), float(7), float("  -inf"), complex(1, 2), complex("2-3j"))
print(str(42), str(4.0), str("s"), str([1, "a"]), repr("s"), repr([1, "a"]), repr(1.0))
print(ascii("plain"), ascii("é☃"), ascii(["ü", 1]), ascii("\n"), repr("é☃"))
print(chr(65), chr(0x263A), chr(0), repr(chr(127)), ord("a"), ord("€"), ord("\U0001F600"))
print(list(map(ord, "abc")), "".join(map(chr, [80, 121])), str(b"bytes"), str(b"\xff", "latin-1"))
print(int(" 12 "), float("1_000.5"), int("0"), float(".5"), float("5."), float("-.5e-1"))
print(str(), int(), float(), complex(), bool(), repr(str()), tuple(), list(), dict())
for bad in [lambda: chr(0x110000), lambda: ord(""), lambda: float("1.2.3"), lambda: int("1 2"), lambda: complex("j j")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Conv:
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
    def __str__(self):
        return "Conv-str"
    def __repr__(self):
        return "Conv-repr"
    def __bool__(self):
        return False
c = Conv()
print(float(c), complex(c), str(c), repr(c), ascii(c), bool(c))
print(float(True), int(False), str(True), complex(True), float(-0), repr(float("-0")))
print(str(1e100), str(1e-100), str(123456789012345678.0), repr(0.1), str(1/7))
