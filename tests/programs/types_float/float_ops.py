# float arithmetic: floor division and modulo signs, overflow to inf, -0.0, float() parsing and its errors, division by zero, ** overflow
print(0.1 + 0.2, 1 / 3, 2.5 // 1, -2.5 // 1, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2.0 ** 0.5, (-8.0) ** (1 / 3) if False else 0, 1e308 * 10, -1e308 * 10, 2.0 ** -1)
print(abs(-0.0), -0.0, 0.0 == -0.0, 1e16, 1e-5, 123456789012345678.0, 0.1 * 3)
print(float("1e500"), float("-inf"), float("nan"), float(" 1.5 "), float("1_000.5"), float(7))
for bad in ("", "1.5.5", "abc", "1e"):
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
