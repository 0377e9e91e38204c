# iterator protocol: __iter__ returning self, __next__, StopIteration, reuse, iter(callable, sentinel)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))
print(next(Countdown(2)), sum(Countdown(10)))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Range2(4)
print(list(r), list(r), max(r), sorted(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
vals = [3, 1, 4, 1, 5, 0, 9]
pos = [0]
def reader():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
class Rev:
    def __init__(self, data):
        self.data = data
    def __reversed__(self):
        return iter(self.data[::-1])
    def __iter__(self):
        return iter(self.data)
print(list(reversed(Rev([1, 2, 3]))), list(Rev("ab")))
for a, b in zip(Countdown(3), Range2(5)):
    print(a, b)
