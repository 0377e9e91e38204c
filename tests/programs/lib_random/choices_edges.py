# random.choices edge cases: an empty population with weights, odd weight types
import random
from fractions import Fraction
from decimal import Decimal
r = random.Random(5)
for args, kw in [(([],), {"k": 2}), (([], [],), {}), (("ab", [1, 1]), {"k": 3}),
                 (("ab",), {"cum_weights": [Fraction(1, 2), Fraction(1)], "k": 3}),
                 (("ab", [0, 0]), {}), (("ab", [1, float("inf")]), {}), (("ab", [1]), {}),
                 (("ab", 3), {})]:
    try:
        print(r.choices(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
