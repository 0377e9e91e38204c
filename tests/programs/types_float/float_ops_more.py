# float arithmetic, repr shortest form, round() with banker's rounding, is_integer, divmod
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.123456789, 1.0, -0.0)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2.0 ** 0.5, 2 ** -1, (-8) ** (1 / 3) if False else abs(-8.0) ** (1 / 3))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(123.456, -1), round(123.456, 1), round(-0.4))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
print((3.0).is_integer(), (3.1).is_integer(), (-0.0).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.5).hex(), float.fromhex("0x1.8p1"))
print(float("1.5"), float(" -2e3 "), float("inf"), float("-Infinity"), float("nan"))
print(float(10 ** 20), float(2 ** 63), 1e308 * 10, -1e308 * 10)
print(int(1e20), 1e20 == 10 ** 20, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
print(5e-324, 5e-324 / 2, 1.7976931348623157e308)
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10))
print(3.14.__trunc__(), (-3.7).__floor__(), (-3.2).__ceil__(), 1.5.__round__())
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-8.0) ** 0.5 + "x"
except TypeError as e:
    print("TypeError:", e)
print((-8.0) ** 0.5)
print(float.__name__, (1.5).real, (1.5).imag, (1.5).conjugate())
