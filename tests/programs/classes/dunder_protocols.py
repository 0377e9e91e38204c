# Container and iteration protocols on user classes
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return reversed(self.items)
    def __repr__(self):
        return f"Bag{self.items}"

b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[1:])
b[0] = 10
del b[1]
print(b, 3 in b, 99 in b)
print(list(b), [x * 2 for x in b], list(reversed(b)), sorted(b))
print(max(b), min(b), sum(b), tuple(b))
print(bool(Bag()), bool(b))
a, c = b
print(a, c)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq())
for x in Seq():
    print("item", x)

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
print(list(Countdown(3)))
it = Countdown(2)
print(next(it), next(it), next(it, "done"))
for i in Countdown(3):
    print("cd", i)
print(dict(zip(Countdown(3), "abc")))
print(list(enumerate(Countdown(2))))

class BadLen:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
for v in [-1, "x", 2.0]:
    try:
        len(BadLen(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(len(BadLen(True)))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    len(NotIter())
except TypeError as e:
    print(e)
try:
    NotIter()[0]
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
