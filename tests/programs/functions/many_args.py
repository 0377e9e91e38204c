# Functions with many parameters and locals; argument evaluation order.
def f10(a, b, c, d, e, f, g, h, i, j):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j

print(f10(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(f10(j=1, i=1, h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1))
print(f10(0, 0, 0, 0, 0, j=2, i=3, h=4, g=5, f=6))

log = []
def note(v):
    log.append(v)
    return v

def three(a, b, c):
    return [a, b, c]

print(three(note(1), note(2), c=note(3)), log)

def locals_heavy(n):
    a = n + 1
    b = a * 2
    c = b - 3
    d = c // 2
    e = d % 7
    f = e ** 2
    g = f + a + b + c + d + e
    h = [a, b, c, d, e, f, g]
    return sum(h), h

for n in [0, 5, 100]:
    print(locals_heavy(n))
