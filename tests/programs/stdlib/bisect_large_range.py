# bisect over sequences longer than a small int: range(sys.maxsize - 1) and a
# class whose __len__ returns sys.maxsize - 1 (CPython's
# test_bisect.test_large_range and test_large_pyrange); len() of such a class.
import bisect
import sys

n = sys.maxsize

class Range:
    def __init__(self, start, stop):
        self.start, self.stop = start, stop
        self.last_insert = None
    def __len__(self):
        return self.stop - self.start
    def __getitem__(self, idx):
        n = self.stop - self.start
        if idx < 0:
            idx += n
        if idx >= n:
            raise IndexError(idx)
        return self.start + idx
    def insert(self, idx, item):
        self.last_insert = idx, item

for data in (range(n - 1), Range(0, n - 1)):
    print(len(data))
    print(bisect.bisect_left(data, n - 3), bisect.bisect_right(data, n - 3))
    print(bisect.bisect_left(data, n - 3, n - 10, n), bisect.bisect_right(data, n - 3, n - 10, n))
x = n - 100
data = Range(0, n - 1)
bisect.insort_left(data, x, x - 50, x + 50)
print(data.last_insert == (x, x), data.last_insert)
bisect.insort_right(data, x, x - 50, x + 50)
print(data.last_insert)

class Long:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
for k in (n, n + 1, 2 ** 62, 2 ** 62 - 1, -1):
    try:
        print(len(Long(k)))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
