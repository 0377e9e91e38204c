# int <-> str conversions for big numbers in several bases.
n = 12345678901234567890123456789
print(n, str(n), repr(n), len(str(n)))
print(hex(n), oct(n), bin(n))
print(hex(-n), int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n)
print(int("9" * 50) + 1)
print(int("  +000123  "), int("1_000_000_000_000_000_000_000"))
print(f"{n:,}", f"{n:_}", f"{n:>40}", f"{n:x}", f"{-n:+d}")
print(float(n), float(2 ** 53 + 1), int(1e20), int(1.5e30))
print(round(n, -10), round(-n, -20))
digits = []
m = n
while m:
    m, d = divmod(m, 10)
    digits.append(d)
print(digits[::-1] == [int(c) for c in str(n)])
