# abs, divmod, pow, round, bin/oct/hex, sum, min/max with key/default
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(-2 ** 80), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 2 ** 70))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(3, 4, 5), pow(7, -1, 13), pow(0, 0))
print(round(3.14159, 3), round(17), round(17.5), round(18.5), round(-17.5), round(1234, -2), round(5, 2))
print(bin(10), bin(-10), oct(64), oct(-8), hex(255), hex(-255), hex(0), bin(0))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum(range(5), start=100))
print(max(3, 1, 2), max([3, 1, 2]), max("apple", "fig", key=len), max([], default="empty"), max([5], default=0))
print(min(3, 1, 2), min("bca"), min([(2, "b"), (1, "z")]), min([], default=None), min([-3, 2], key=abs))
for bad in [lambda: max([]), lambda: min(), lambda: sum(["a", "b"]), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: divmod(1, 0)]:
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
class Num:
    def __abs__(self):
        return "abs called"
    def __round__(self, n=None):
        return "round %r" % (n,)
    def __index__(self):
        return 10
print(abs(Num()), round(Num()), round(Num(), 2), bin(Num()), hex(Num()), oct(Num()))
print(max(1, 2.5, True), min(False, -0.0), sum([True] * 5))
