# Fibonacci numbers past the machine word, and a few identities.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

for n in [0, 1, 2, 10, 50, 90, 92, 93, 94, 100, 150, 200]:
    print(n, fib(n))
f = [fib(n) for n in range(0, 300)]
ok = True
for n in range(1, 299):
    if f[n - 1] * f[n + 1] - f[n] ** 2 != (-1) ** n:
        ok = False
print("cassini", ok)
print(fib(300) % 1000000007, fib(299) + fib(298) == fib(300))
print(hex(fib(200)), bin(fib(100))[:20])
