# fractions from Lib/: arithmetic, limit_denominator, from_float/from_decimal, comparisons, hashing, formatting
from fractions import Fraction as F
from decimal import Decimal
import math
a, b = F(1, 3), F('2/5')
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(F(-3, 4)), a // b, a % b, divmod(F(7, 2), F(1, 3)))
print(F(3.75), F.from_float(0.1), F(0.1).limit_denominator(10), F(Decimal('1.25')), F.from_decimal(Decimal('0.5')))
print(F(1, 2) == 0.5, F(1, 2) < F(2, 3), F(1, 2) > 0.3, hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3))
print(float(F(1, 8)), int(F(7, 2)), round(F(7, 2)), round(F(5, 2)), math.floor(F(-7, 2)), math.ceil(F(7, 2)), round(F(1234, 100), 1))
print(F(6, 4).numerator, F(6, 4).denominator, F(6, 4).as_integer_ratio(), repr(F(6, 4)), str(F(-6, 4)), F(5).is_integer() if hasattr(F, 'is_integer') else True)
print(sum([F(1, n) for n in range(1, 6)]), F(1, 3) + 1, 2 * F(1, 3), 1 - F(1, 3), F(1, 2) + 0.5, F(1, 2) ** -2, 2 ** F(1, 2))
for bad in ['1/0', 'x', '1.5/2']:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(sorted([F(1, 2), F(1, 3), F(3, 4)]), max(F(1, 2), 0.4), F(10, 4) == F(5, 2), F(0) == 0, bool(F(0)))
