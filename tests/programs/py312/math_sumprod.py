# math.sumprod (3.12): exact int and triple-length float paths, int/float and bool pairs, the generic path, errors
import math
from fractions import Fraction
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1] * 10, [0.1] * 10), math.sumprod([1e308, 1e308, -1e308], [10, 1, 10]))
print(math.sumprod([2**62, 2**62], [4, 4]), math.sumprod([True, 2.5], [3.0, False]), math.sumprod([Fraction(1, 3), 2], [3, Fraction(1, 2)]))
print(math.sumprod([], []), math.sumprod(iter([1e-300, 1e300]), [1e300, 1e-300]))
print(math.sumprod([0.1, 0.2, 0.3], [1, 1, 1]), sum([0.1, 0.2, 0.3]), math.sumprod([float('inf'), 1], [1, 2]))
for bad in [([1, 2], [3]), ([1], 'a'), (1, [2])]:
    try:
        print(math.sumprod(*bad))
    except Exception as e:
        print(type(e).__name__, e)
print(math.sumprod.__module__, math.sumprod.__name__)
