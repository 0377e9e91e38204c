# round(int, -n): the multiple of 10**n nearest, ties to even, through int.__round__ (0 at once when 10**n is more than twice the int: n here stays small enough for CPython, which makes 10**n, to finish)
import sys
cases = [(12345, -10**4), (-12345, -10**4), (0, -10**4), (10**50, -10**4), (12345, -2**12), (12345, -10**3),
         (12345, 10**3), (5, -1), (15, -1), (25, -1), (-25, -1), (-35, -1), (4, -1), (6, -1), (49, -2), (50, -2),
         (51, -2), (150, -2), (250, -2), (-250, -2), (10**20 + 1, -20), (5 * 10**19, -20), (15 * 10**19, -20),
         (True, -1), (True, -2), (7, -10**4 - 1), (2**64 - 1, -19), (2**64 - 1, -20), (2**64 - 1, -21),
         (-(2**64 - 1), -20), (10**100 // 2, -100), (3 * 10**100 // 2, -100), (10**100, -101), (10**100, -100)]
for x, n in cases:
    r = round(x, n)
    print(type(r).__name__, r)
for n in range(0, 60, 7):
    for x in (2**n, 3**n, -(7**n), 5 * 10**n):
        print(n, [round(x, -k) for k in range(n - 2, n + 4) if k >= 0])
