# arithmetic across int, float, complex and bool: result types, abs/divmod/round, numeric dunders called directly, sum of mixed types, overflow to inf
print(1 + 1.5, 1 + 2j, 1.5 + 2j, True + 1.5, 3 * 0.5, 7 / 2, 7 // 2.0, -7 % 3.0, 2 ** 0.5, (-1) ** 0.5)
print(abs(-3), abs(-3.5), abs(3 + 4j), divmod(7, 2), divmod(-7.5, 2), round(-0.5), round(0.125, 2), round(-1.5))
print(int.__add__(1, 2), float.__mul__(2.0, 3), complex.__add__(1j, 1), (5).__truediv__(2), (5).__rtruediv__(2))
print((5).__add__(1.0), (5.0).__radd__(1), 5 .__floordiv__(0.0) if False else 0)
print(max(1, 2.0), min(1j.imag, 0.5), sum([1, 2.5, 3j]), pow(2, 0.5), pow(-8, 1 / 3).real > 0)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, 1e300 * 1e10, -(1e300 * 1e10), 10 / 3)
