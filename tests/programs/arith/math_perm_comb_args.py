# math.perm(n) and perm(n, None) are factorial(n), its messages too ("factorial() not defined for negative values"; pvm said "n must be a non-negative integer"); math.comb(n, None) is TypeError (pvm took k as 0 and gave 1); the arguments' other checks
import math

cases = [(math.perm, (5,)), (math.perm, (5, None)), (math.perm, (-1,)), (math.perm, (-3, None)),
         (math.perm, (True,)), (math.perm, (0,)), (math.perm, (1.5,)), (math.perm, (5, 2)),
         (math.perm, (3, 5)), (math.perm, (-1, 2)), (math.perm, (3, -1)), (math.perm, ()),
         (math.perm, (1, 2, 3)), (math.comb, (5, None)), (math.comb, (5,)), (math.comb, (5, 2)),
         (math.comb, (3, 5)), (math.comb, (-1, 2)), (math.comb, (3, -1)), (math.comb, (1.5, 1)),
         (math.comb, (2 ** 70, 2)), (math.perm, (2 ** 70, 1)), (math.factorial, (-1,))]
for f, args in cases:
    try:
        print(f.__name__, args, f(*args))
    except (TypeError, ValueError, OverflowError) as e:
        print(f.__name__, args, type(e).__name__, e)
