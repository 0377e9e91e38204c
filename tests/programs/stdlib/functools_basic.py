# functools: reduce, partial (nested, args and keywords), lru_cache and cache with cache_info, wraps, cmp_to_key
import functools
from functools import reduce, partial, lru_cache, wraps, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)

def power(base, exp):
    return base ** exp

square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(5), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
p2 = partial(two_to)
print(p2(3), partial(partial(power, 3), 2)())

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x

print(sq(2), sq(3), sq(2), sq(4), sq(3), sq(2))
print(sq.cache_info())

@lru_cache
def plain(x):
    return x + 1
print(plain(1), plain(1), plain.cache_info())

@functools.cache
def c(x, y=0):
    return x - y
print(c(5), c(5), c(5, y=1), c(5, y=1), c.cache_info())

def deco(f):
    @wraps(f)
    def wrapper(*args, **kw):
        return f(*args, **kw)
    return wrapper

@deco
def documented(a):
    """Some docs."""
    return a

print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(3))

def compare(a, b):
    return (a > b) - (a < b)

print(sorted([5, 2, 9, 1], key=cmp_to_key(compare)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))
