# Factorials: iterative and recursive, with big results.
def fact_iter(n):
    r = 1
    i = 2
    while i <= n:
        r *= i
        i += 1
    return r

def fact_rec(n):
    return 1 if n <= 1 else n * fact_rec(n - 1)

for n in [0, 1, 5, 10, 20, 21, 25, 30, 50]:
    print(n, fact_iter(n))
print(fact_rec(30) == fact_iter(30))
f100 = fact_iter(100)
print(f100)
digits = str(f100)
print(len(digits), sum([int(c) for c in digits]))
zeros = len(digits) - len(digits.rstrip("0"))
print("trailing zeros", zeros)
print(fact_iter(40) // fact_iter(38), fact_iter(52) // (fact_iter(5) * fact_iter(47)))
