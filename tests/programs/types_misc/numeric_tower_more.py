# mixing int, float, bool, complex: result types, comparisons across types, equality with hashes
vals = [1, 1.0, True, 1 + 0j]
for a in vals:
    print([type(a + b).__name__ for b in vals], [a == b for b in vals])
print(1 == 1.0 == True, hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 > float("inf"), 10 ** 400 < float("inf"))
print(1 / 2, 1 // 2, -1 // 2, 1 % -2, 2 ** -1, 4 ** 0.5, (-4) ** 2, -4 ** 2)
print(7 / 7, type(7 / 7).__name__, 6 // 2.0, 7 % 2.5, True + 0.5, 3 * True)
print(round(7 / 3, 5), int(7 / 3), float(7 // 3), divmod(7, 2.0))
print(max(1, 1.0), max(1.0, 1), min(True, 1), sorted([2, 1.5, True, 0, -0.5]))
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 1e16 + 1 == 1e16, 2 ** 64 == 2.0 ** 64)
print(int(2.0 ** 64), float(2 ** 64 + 1), 3 == 3.0000000000000001, 3 < 3.0000001)
print(complex(1, 0) == 1, 1j ** 2 == -1, abs(-1j), (2 + 0j) * 1.5)
try:
    (1 + 2j) < 1
except TypeError as e:
    print("TypeError:", e)
try:
    10 ** 400 + 0.5
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399), 2 ** 1023 * 2.0 if False else 2.0 ** 1023)
