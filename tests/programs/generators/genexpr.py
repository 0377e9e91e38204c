# Generator expressions: laziness, early binding of the first iterable, nesting, closures.
log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i
ge = (x * 2 for x in src(4))
print(log)
print(next(ge), log)
print(list(ge), log)
xs = [1, 2, 3]
g = (x for x in xs)
xs = [9]
print(list(g))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(sum(x for x in range(10) if x % 3 == 0))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(dict((k, k * k) for k in range(4)))
print(sorted((c for c in "hello"), reverse=True))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
def make(n):
    return (i + n for i in range(3))
print(list(make(10)))
g = (i for i in range(2))
print(type(g).__name__, g.__name__, g.__qualname__)
print(list(g), list(g))
nested = (list(y for y in range(x)) for x in range(4))
print(list(nested))
try:
    (1 / x for x in [1, 0]).__next__()
    print(list(1 / x for x in [1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
