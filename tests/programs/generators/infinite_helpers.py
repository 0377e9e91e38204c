# infinite generators with hand-written islice/takewhile/count/cycle/accumulate helpers
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step
def islice(it, *args):
    start, stop, step = (0, args[0], 1) if len(args) == 1 else (args + (1,))[:3]
    it = iter(it)
    i = 0
    nxt = start
    for x in it:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
def cycle(seq):
    saved = list(seq)
    while saved:
        yield from saved
def accumulate(it, f=lambda a, b: a + b):
    it = iter(it)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = f(total, x)
        yield total
def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 2, 8, 2)))
print(list(takewhile(lambda x: x < 30, primes())))
print(list(islice(cycle("abc"), 8)))
print(list(accumulate(range(1, 11))))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(islice(accumulate(count(1), lambda a, b: a * b), 10)))
print(list(islice(primes(), 100, 105)))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[-10:], len(list(collatz(27))))
