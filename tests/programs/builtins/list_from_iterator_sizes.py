# list(iterable) and sorted(iterable) over an iterator of unknown length:
# past 8192 items the items are gathered in pieces and the list's array
# made once at its final size.  Every size around the piece boundaries
# keeps every item in order; an iterator that fails part way raises and
# leaves no list; a length hint that is too small is only a hint.


def gen(n):
    for i in range(n):
        yield i * 3


for n in (0, 1, 8191, 8192, 8193, 16383, 16384, 16385, 24577, 100001):
    xs = list(gen(n))
    ok = xs == [i * 3 for i in range(n)]
    print(n, len(xs), ok, xs[-2:])
    xs.append(-1)
    xs.extend(gen(3))
    print(len(xs), xs[-5:])

s = sorted(gen(20000), reverse=True)
print(len(s), s[:3], s[-3:])


def failing(n):
    for i in range(n):
        yield i
    raise ValueError("stopped at %d" % n)


for n in (100, 8192, 9000, 40000):
    try:
        list(failing(n))
    except ValueError as e:
        print("ValueError:", e)


class Hinted:
    """An iterator whose length hint is far too small."""

    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.n:
            raise StopIteration
        self.i += 1
        return str(self.i)

    def __length_hint__(self):
        return 10


h = list(Hinted(30000))
print(len(h), h[:3], h[-3:], h == [str(i) for i in range(1, 30001)])


class MyList(list):
    pass


m = MyList(gen(12000))
print(type(m).__name__, len(m), m[8191:8194], sum(m))

# The items stay alive while gathered: objects made by the iterator itself.
objs = list([i] * 2 for i in range(50000))
print(len(objs), objs[0], objs[8192], objs[-1], sum(a for a, b in objs))
print(list(map(len, (("x" * (i % 7)) for i in range(20000))))[-7:])
