# itertools.tee: copies at different speeds, tee of a tee, copy.copy, n=0/1/5, source errors, constant memory in lockstep
import copy
import itertools
import pickle
import resource
import warnings
from itertools import tee, islice

# Copies advancing at different speeds across many blocks.
a, b = tee(range(500))
print(next(a), list(islice(b, 130))[-1], next(a), len(list(a)), len(list(b)))
a, b, c = tee(iter(range(300)), 3)
print(list(islice(a, 200))[-3:], list(islice(b, 57))[-1], next(c))
print(sum(a), sum(b), sum(c))

# A tee of a tee copies the position; the first result is the tee itself.
a, b = tee('abcdef')
next(a)
c = tee(a)
print(type(a).__name__, len(c), c[0] is a, c[1] is a)
x, y = c
print(next(x), next(a), next(y), list(a), list(x), list(b))
print(list(type(a)('def')), type(type(a)('xy')).__name__)

# copy.copy and __copy__ share the position too.
a, b = tee(range(100))
for _ in range(60):
    next(a)
d = copy.copy(a)
e = a.__copy__()
print(next(a), next(d), next(e), next(b))

# Empty iterator and various n.
print([list(t) for t in tee([])])
print(tee(1, 0), tee([1, 2], 0))
print([list(t) for t in tee([1, 2], 1)])
print([list(t) for t in tee(range(3), 5)])
for bad in (-1,):
    try:
        tee([], bad)
    except ValueError as exc:
        print("ValueError", exc)
try:
    itertools._tee()
except TypeError as exc:
    print("TypeError", exc)
try:
    tee(5)
except TypeError as exc:
    print("TypeError", exc)

# An iterator with its own __copy__ is used directly.
class Copyable:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def __copy__(self):
        return Copyable(self.n)
src = Copyable(0)
p, q = tee(src)
print(p is src, type(q).__name__, list(p), list(q))

# Exceptions raised by the source reach whichever copy asked first.
def gen():
    yield 1
    yield 2
    raise KeyError("source")
a, b = tee(gen())
print(next(a), next(a))
try:
    next(a)
except KeyError as exc:
    print("KeyError", exc)
print(next(b), next(b), list(b), list(a))

# Re-entering the tee from the source.
def reenter():
    yield next(t)
t, u = tee(reenter())
try:
    next(t)
except RuntimeError as exc:
    print("RuntimeError", exc)

# Pickling keeps the position (deprecated from 3.12: keep stderr quiet).
warnings.simplefilter("ignore", DeprecationWarning)
a, b = tee(range(130))
for _ in range(70):
    next(a)
r = pickle.loads(pickle.dumps(a))
print(next(r), next(a), next(b))
print(itertools._tee_dataobject.__name__)

# Three million items in lockstep must not keep them all: keeping them would
# grow the peak by about 85 MB under pvm and 145 MB under python3.11.
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
a, b = tee(range(3 * 10**6))
n = 0
for x, y in zip(a, b):
    n += 1
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(n, x, y, grown < 20000)
