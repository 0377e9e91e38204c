# Iterator classes used in for loops, comprehensions, unpacking and builtins
class Range2:
    def __init__(self, start, stop, step=1):
        self.cur, self.stop, self.step = start, stop, step
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.step
        return v
class Evens:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2(0, self.n, 2)
print(list(Range2(0, 5)), [x * x for x in Range2(1, 4)], set(Evens(7)))
a, b, *rest = Evens(10)
print(a, b, rest)
for i, v in enumerate(Evens(5)):
    print(i, v)
print(sum(Evens(10)), max(Evens(10)), any(Evens(1)), all(Evens(1)), sorted(Evens(6), reverse=True))
print(list(zip(Evens(6), Range2(10, 20))), list(map(str, Evens(4))), tuple(filter(None, Evens(6))))
print(dict.fromkeys(Evens(4)), "-".join(map(str, Range2(0, 3))))
it = iter(Evens(4))
print(next(it), next(it), next(it, None))
print(list(it))
class Fib:
    def __init__(self):
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
out = []
for x in Fib():
    if x > 100:
        break
    out.append(x)
print(out)
