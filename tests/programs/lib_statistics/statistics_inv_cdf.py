# _statistics._normal_dist_inv_cdf: the three regions of Wichura's AS241 to the last bit, and errors
from _statistics import _normal_dist_inv_cdf as f
for p in [1e-300, 1e-20, 1e-10, 0.001, 0.02425, 0.07, 0.075, 0.1, 0.3, 0.5, 0.57, 0.925, 0.93, 0.999, 1 - 1e-12, 1 - 1e-16]:
    print(repr(p), repr(f(p, 0.0, 1.0)), repr(f(p, 10, 2.5)), repr(f(p, -3, 1e-3)))
class F:
    def __float__(self):
        return 0.25
print(f(F(), 1, 1), f(True - 0.5, 0, 1))
for a in [(0, 0, 1), (1, 0, 1), (0.5, 0, 0), (0.5, 0, -1), ('a', 0, 1), (0.5, 0), (0.5, 0, 1, 2)]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
