# float against int comparisons made in C (bisect with and without lo/hi/key, min, max, sorted, insort): exact below 2**53, exact int comparison above it, NaN, infinities, -0.0, a list subclass overriding __getitem__
from bisect import bisect, bisect_left, insort
nan = float("nan")
w = [1, 3, 3, 7, 2**53, 2**53 + 1, 2**60]
for x in [0, 0.5, 1, 1.0, 2.9999, 3, 3.0, 3.5, 7.0, 8, 2.0**53, 2.0**53 + 2, 2**53 + 1, 1e300, -1e300, nan,
          float("inf"), float("-inf"), -0.0]:
    print(x, bisect(w, x), bisect_left(w, x), bisect(w, x, 2), bisect(w, x, hi=3), bisect(w, x, key=None))
print(min(3, 2.5, 7), max(3, 2.5, 7), min(nan, 1), min(1, nan), max(1.0, 1), max(1, 1.0), min(1.0, 1))
print(sorted([3, 1.5, 2**60, 2.0**60, -0.0, 0, 1e-300]))
print(max([2**53 + 1, 2.0**53]), min([2**53 + 1, 2.0**53]), max([2.0**53, 2**53 + 1]))
f = [0.5, 1.5, 2.5]
insort(f, 2)
insort(f, 0)
print(f, bisect(f, 1), bisect((1, 2, 3), 2.5))
class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10
print(bisect(L([1, 2, 3]), 15))
try:
    bisect([1, 2], "x")
except TypeError as e:
    print("TypeError:", e)
try:
    bisect([1, 2])
except TypeError as e:
    print("TypeError:", e)
