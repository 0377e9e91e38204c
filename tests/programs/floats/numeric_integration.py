# Simpson's rule and Newton's method in plain floats.
def f(x):
    return x * x * x - 2 * x + 1

def simpson(g, a, b, n):
    h = (b - a) / n
    s = g(a) + g(b)
    for i in range(1, n):
        x = a + i * h
        s += (4 if i % 2 else 2) * g(x)
    return s * h / 3

for n in [2, 4, 10, 100, 1000]:
    print(n, simpson(f, 0.0, 2.0, n))
print(simpson(lambda x: 1 / (1 + x * x), 0.0, 1.0, 100) * 4)

def newton_sqrt(v):
    x = v
    for _ in range(40):
        x = (x + v / x) / 2
    return x

for v in [2.0, 3.0, 10.0, 1e10, 0.25, 12345.678]:
    r = newton_sqrt(v)
    print(v, r, r * r, r == v ** 0.5)

def exp_series(x):
    term = 1.0
    total = 1.0
    for k in range(1, 40):
        term *= x / k
        total += term
    return total

for x in [0.0, 1.0, -1.0, 2.5, 10.0]:
    print(x, exp_series(x))
