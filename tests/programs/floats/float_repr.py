# Shortest round-trip repr of floats, in str(), repr() and print.
values = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
          1e-4, 1e-5, 0.0001234, 1.5e-7, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
          3.141592653589793, 2.718281828459045, 100.0, 1e22, 1e23, 9007199254740993.0,
          0.1 + 0.2, 1.1 * 1.1, 4.35, 0.57 * 100, 1234.5678, -987.654321]
for v in values:
    print(v, repr(v), str(v))
print([0.1, 0.25, -1.5], (1e100,), {1.5: 2.5})
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("-1e500"), float("infinity"), float("NaN"))
print(1e16 + 1, 2.0 ** 60, 2.0 ** -30, 10.0 ** 15, 10.0 ** 16)
