# Float arithmetic, comparison with ints, inf/nan behaviour.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, abs(-a))
print(0.1 * 3, 0.7 + 0.1, 1.0 - 0.9, 3.0 * 1.1, 100.0 / 3.0)
print(2.0 ** 0.5, 10.0 ** -3, (-8.0) ** 3, 4 ** 0.5, 2 ** -1.5)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf * -1, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 400, -inf < -(10 ** 400))
print(inf == inf, 1e308 * 10 == inf, max(1.0, inf), min(-inf, 0.0))
print(0.5 == 1 / 2, 1.0 == 1, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(1 < 1.5 < 2, 3.0 in [1, 2, 3], [1.0, 2.0] == [1, 2])
total = 0.0
for i in range(1, 101):
    total += 1.0 / i
print(total)
x = 1.0
for i in range(30):
    x = x / 2 + 1
print(x)
print(round(total, 3), round(-total, 1), round(123.456, -1), round(2.5), round(0.5), round(1.5))
print(int(total * 1000), int(-2.9), int(1e18), float(10 ** 18))
