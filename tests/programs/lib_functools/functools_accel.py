# _functools: reduce, partial (repr, flattening, __reduce__/__setstate__, subclasses), cmp_to_key, _lru_cache_wrapper (maxsize None/0/n, typed, recursion, methods)
from _functools import reduce, partial, cmp_to_key, _lru_cache_wrapper
import _functools

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

print(sorted(n for n in dir(_functools) if not n.startswith('__')))
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7), reduce(max, 'xay'))
for f in [lambda: reduce(max, []), lambda: reduce(max, 5), lambda: reduce(max),
          lambda: reduce(max, [1], 2, 3), lambda: reduce(max, [1], initial=2),
          lambda: reduce(lambda a, b: a / b, [1, 0])]:
    e(f)

def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
p = partial(f, 1, c=4)
print(p(), p(5, 6, c=7, d=8), p.func is f, p.args, p.keywords, partial)
q = partial(p, 9, d=1)
print(q.func is f, q.args, q.keywords, q(), repr(partial(max, 1, key=abs))[:28])
print(repr(partial(len)), repr(partial(int, '10', base=2)), partial(int, '10', base=2)())
p.attr = 'x'
r = partial(p, 0)
print(r.func is p, r.args, p.__dict__, p.attr)
red = partial(f, 1, c=4).__reduce__()
print(red[0], red[1][0] is f, red[2][1:])
s = partial(print)
s.__setstate__((f, (7,), {'c': 0}, {'z': 1}))
print(s(), s.z, s.args, s.keywords)
s.__setstate__((f, (8,), None, None))
print(s(), s.keywords)
for g in [lambda: partial(), lambda: partial(1), lambda: s.__setstate__((f, 1, None, None)),
          lambda: s.__setstate__(5), lambda: s.__setstate__((f,)), lambda: s.__setstate__((1, (), {}, None)),
          lambda: setattr(p, 'func', max), lambda: partial(f)(), lambda: partial.__new__(int, f), lambda: partial(f, **{'a': 1})(2)]:
    e(g)

class P(partial):
    def __call__(self, *a, **k):
        return ('P', super().__call__(*a, **k))
pp = P(f, 1)
print(pp(2), type(pp).__name__, isinstance(pp, partial), pp.args)
print(partial(pp, 3)(), partial(pp, 3).func is pp)
class Q(partial):
    pass
qq = Q(f, 1)
print(type(partial(qq, 2).func).__name__, Q(qq, 2).args, repr(Q(len)).startswith('Q('))
rec = partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).startswith('functools.partial(<function f'), repr(rec).endswith(', ...)'))

def cmp(a, b):
    return (a > b) - (a < b)
K = cmp_to_key(cmp)
print(sorted([3, 1, 2], key=K), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 != k2, k1 <= k2, k2 >= k1, k1.obj, K(obj=5).obj, type(k1))
k1.obj = 10
print(k1 > k2)
for g in [lambda: k1 < 1, lambda: hash(k1), lambda: K(), lambda: K(1, 2), lambda: cmp_to_key(),
          lambda: cmp_to_key(mycmp=cmp)(3).obj]:
    e(g)

from collections import namedtuple
CI = namedtuple('CacheInfo', 'hits misses maxsize currsize')
calls = []
def sq(x, y=0):
    calls.append(x)
    return x * x + y
for maxsize in (None, 0, 2, -5):
    calls.clear()
    w = _lru_cache_wrapper(sq, maxsize, False, CI)
    for x in (1, 2, 1, 3, 1, 2):
        w(x)
    w(1, y=1); w(1, y=1)
    print(maxsize, calls, w.cache_info())
    w.cache_clear()
    print(w.cache_info(), w(2))
t = _lru_cache_wrapper(sq, 10, True, CI)
t(1); t(1.0); t(True); t(1)
print(t.cache_info())
u = _lru_cache_wrapper(sq, 10, False, CI)
u(1); u(1.0); u(True); u(x=1); u(1, 0)
print(u.cache_info())
def fib(n):
    return n if n < 2 else fibw(n - 1) + fibw(n - 2)
fibw = _lru_cache_wrapper(fib, 3, False, CI)
print(fibw(30), fibw.cache_info())
e(lambda: fibw.__reduce__())
fibw.__qualname__ = 'fibw'
print(type(fibw), fibw.__reduce__(), fibw.__copy__() is fibw,
      fibw.__deepcopy__(None) is fibw)
fibw.__wrapped__ = fib
fibw.note = 1
print(fibw.__wrapped__ is fib, sorted(fibw.__dict__))
class C:
    def m(self, x):
        return (self.__class__.__name__, x)
    m = _lru_cache_wrapper(m, None, False, CI)
c = C()
print(c.m(4), c.m(4), C.m.cache_info(), C.m is C.__dict__['m'])
for g in [lambda: _lru_cache_wrapper(sq, 'a', False, CI), lambda: _lru_cache_wrapper(1, 1, False, CI),
          lambda: _lru_cache_wrapper(sq, 1, False), lambda: u([1]), lambda: u(z=[])]:
    e(g)
