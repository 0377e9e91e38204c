# pidigits.py — the first N digits of pi by Gibbons' unbounded spigot algorithm:
# big-integer arithmetic (multiplication by small ints, addition, floor
# division) on numbers that grow to thousands of digits. Measures the big-int
# path (GMP in pvm) and the int/big-int boundary, not dispatch.
N = 4000  # small: 600

def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits

d = pi_digits(N)
s = "".join(map(str, d))
for i in range(0, len(s), 500):
    print(s[i:i + 50])
print(sum(d))
