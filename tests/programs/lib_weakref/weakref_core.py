# _weakref: ref/proxy semantics, callbacks after gc.collect() (order, dropped refs, cycles, errors), sharing, getweakrefs, __weakref__, which types allow weak references
import gc
import _weakref
from _collections import deque, defaultdict
from _functools import partial
from _weakref import ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType, CallableProxyType

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

def short(r):
    # a repr without its addresses
    return ' '.join(w for w in repr(r).replace(';', ' ;').split() if not w.startswith('0x'))

print(ref, proxy, ReferenceType, ProxyType, CallableProxyType, ref is ReferenceType, repr(ref[int]))

class A:
    def __init__(self, n=0): self.n = n
    def __repr__(self): return 'A(%d)' % self.n
    def m(self): return self.n

log = []
def make():
    a = A(1)
    r1 = ref(a, lambda r: log.append(('r1', r() is None, r.__callback__)))
    r2 = ref(a, lambda r: log.append('r2'))
    r3 = ref(a)
    r4 = ref(a)
    p = proxy(a)
    p2 = proxy(a, lambda p: log.append('p2'))
    print(r3 is r4, r1 is r3, p is proxy(a), getweakrefcount(a), len(getweakrefs(a)))
    print(getweakrefs(a)[0] is r3, getweakrefs(a)[1] is p, a.__weakref__ is r3, getweakrefs(a)[2] is p2)
    print(r1() is a, p.n, p.m(), short(r3), short(p), r1.__callback__ is not None, r3.__callback__)
    print(r1 == r3, r1 != r2, hash(r1) == hash(a), r1 == ref(A()), r1 == 5)
    return r1, r2, r3, p, p2, hash(r1)
r1, r2, r3, p, p2, h = make()
gc.collect()
print(log, r1(), r3(), short(r3), short(p)[:27], hash(r1) == h, r1 == r3, r1 == r1)
e(lambda: p.n)
e(lambda: p2.m())
e(lambda: hash(ref(A())) if False else None)

# a weak reference that is garbage itself never calls its callback
def dropped():
    a = A(2)
    ref(a, lambda r: log.append('dropped'))
    return ref(a, lambda r: log.append('kept'))
kept = dropped()
gc.collect()
print(log[-1:], kept())

# cycles die together
def cycle():
    a, b = A(3), A(4)
    a.other, b.other = b, a
    return ref(a, lambda r: log.append('a')), ref(b, lambda r: log.append('b'))
c = cycle()
gc.collect()
print(sorted(log[-2:]), c[0](), c[1]())

# a referent alive elsewhere stays; one deleted from a container goes
objs = [A(i) for i in range(6)]
refs = [ref(o, lambda r: log.append('gone')) for o in objs]
del objs[1:4]
gc.collect()
print([r() for r in refs], log.count('gone'))
holder = {'x': A(8)}
rx = ref(holder['x'])
del holder['x']
gc.collect()
print(rx())

# hash of a dead ref
def dead_ref():
    return ref(A(5))
d = dead_ref()
gc.collect()
e(lambda: hash(d))
print(d(), short(d))

# types
for t in (1, 'a', (), [], {}, None, 1.5, b'', object(), 2 ** 70, property(), r1):
    e(lambda: ref(t))
for t in (len, A, A.m, A(0).m, make, set(), frozenset(), (x for x in ()), make.__code__, _weakref,
          type, int, list[int], gc.collect, deque(), partial(len), defaultdict()):
    e(lambda: type(ref(t)).__name__)
class S:
    __slots__ = ('x',)
class SW:
    __slots__ = ('x', '__weakref__')
class T(S):
    pass
class I(int): pass
class Tu(tuple): pass
class L(list): pass
class Str(str): pass
class E(Exception): pass
for cls in (S, SW, T, I, Tu, L, Str, E):
    e(lambda: type(ref(cls())).__name__)

# subclasses of ref, as weakref.KeyedRef is
class KeyedRef(ref):
    __slots__ = ('key',)
    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
a = A(6)
kr = KeyedRef(a, None, 'k')
print(kr.key, kr() is a, type(kr).__name__, kr is ref(a), getweakrefs(a)[-1] is kr, isinstance(kr, ref))
class R(ref):
    pass
print(type(R(a)).__name__, R(a) is R(a), R(a) == ref(a))

# proxies forward every operation
class N:
    def __init__(self): self.items = [1, 2, 3]
    def __add__(self, o): return 'add'
    def __radd__(self, o): return 'radd'
    def __iadd__(self, o): return 'iadd'
    def __getitem__(self, k): return self.items[k]
    def __setitem__(self, k, v): self.items[k] = v
    def __delitem__(self, k): del self.items[k]
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, x): return x in self.items
    def __lt__(self, o): return 'lt'
    def __eq__(self, o): return 'eq'
    def __neg__(self): return 'neg'
    def __call__(self, *a, **k): return ('called', a, k)
    def __bool__(self): return False
    def __str__(self): return 'N-str'
    def __index__(self): return 7
n = N()
q = proxy(n)
print(type(q).__name__, q + 1, 1 + q, q[1], list(q), 2 in q, q < 3, q == 0, -q, len(q), bool(q))
print(q(1, k=2), str(q), [10] * 0 + list(range(q))[-1:], q.__class__.__name__, q.items)
q[0] = 'z'; del q[1]; q.attr = 5
print(n.items, n.attr)
del q.attr
print(hasattr(n, 'attr'))
q2 = q
q2 += 1
print(q2, type(q2).__name__)
e(lambda: hash(q))
e(lambda: next(q))
e(lambda: ref())
e(lambda: ref(a, None, 1))
e(lambda: ref(a)(1))
e(lambda: proxy())
e(lambda: getweakrefcount())
e(lambda: setattr(ref(a), '__callback__', None))
e(lambda: ref(a) < ref(a))
e(lambda: ProxyType())
print(getweakrefcount(1), getweakrefs(1), getweakrefcount(A()), A().__weakref__)

# _remove_dead_weakref: what WeakValueDictionary's callbacks use
dd = {'dead': d, 'live': ref(a), 'other': 1}
_weakref._remove_dead_weakref(dd, 'dead')
_weakref._remove_dead_weakref(dd, 'live')
_weakref._remove_dead_weakref(dd, 'missing')
print(sorted(dd))
e(lambda: _weakref._remove_dead_weakref(dd, 'other'))
e(lambda: _weakref._remove_dead_weakref([], 'x'))

# an exception in a callback is reported and does not stop the others
def boom(r):
    raise ValueError('from callback')
def failing():
    a = A(9)
    return ref(a, boom), ref(a, lambda r: log.append('after boom'))
f = failing()
gc.collect()
print(log[-1])
