# int(), float(), operator.index(), aiter ... bind a descriptor found on the
# class through its __get__ (as mock's MagicProxy is); a dunder deleted from
# a class takes its slot with it (len() of an instance raises again).
class P:
    def __init__(self, f): self.f = f
    def __get__(self, obj, owner): return self.f.__get__(obj, owner)
import math, operator, os
names = {'__int__': (lambda s: 1, int), '__float__': (lambda s: 1.0, float), '__index__': (lambda s: 2, operator.index),
 '__bool__': (lambda s: False, bool), '__len__': (lambda s: 3, len), '__iter__': (lambda s: iter([1]), list),
 '__next__': (lambda s: 5, next), '__hash__': (lambda s: 7, hash), '__str__': (lambda s: 'S', str),
 '__repr__': (lambda s: 'R', repr), '__fspath__': (lambda s: '/x', os.fspath), '__abs__': (lambda s: 4, abs),
 '__neg__': (lambda s: 4, operator.neg), '__contains__': (lambda s, x: True, lambda o: 1 in o),
 '__getitem__': (lambda s, k: k, lambda o: o[9]), '__call__': (lambda s: 'called', lambda o: o()),
 '__enter__': (lambda s: 'ent', lambda o: o.__class__.__enter__(o)), '__lt__': (lambda s, o: 'lt', lambda o: o < 1),
 '__add__': (lambda s, o: 'add', lambda o: o + 1), '__radd__': (lambda s, o: 'radd', lambda o: 1 + o),
 '__iadd__': (lambda s, o: 'iadd', lambda o: operator.iadd(o, 1)), '__complex__': (lambda s: 1j, complex),
 '__bytes__': (lambda s: b'b', bytes), '__round__': (lambda s, *a: 'r', round), '__trunc__': (lambda s: 't', math.trunc),
 '__floor__': (lambda s: 'f', math.floor), '__ceil__': (lambda s: 'c', math.ceil), '__format__': (lambda s, sp: 'fmt', format),
 '__reversed__': (lambda s: iter('ab'), lambda o: list(reversed(o))), '__sizeof__': (lambda s: 11, lambda o: __import__('sys').getsizeof(o) > 11),
 '__setitem__': (lambda s, k, v: None, lambda o: o.__setitem__(1, 2)), '__delitem__': (lambda s, k: None, lambda o: operator.delitem(o, 1)),
 '__getattr__': (lambda s, n: n, lambda o: o.zzz), '__length_hint__': (lambda s: 2, operator.length_hint),
 '__divmod__': (lambda s, o: 'dm', lambda o: divmod(o, 1)), '__pow__': (lambda s, o, m=None: 'pow', lambda o: pow(o, 2)),
 '__invert__': (lambda s: 'inv', operator.invert), '__eq__': (lambda s, o: 'eq', lambda o: o == 1), '__dir__': (lambda s: ['b','a'], dir),
}
for n, (f, run) in names.items():
    C = type('C', (), {n: P(f)})
    try: r = run(C())
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(n, r)


class A:
    def __len__(self):
        return 3


class B(A):
    def __len__(self):
        return 5


class L(list):
    def __len__(self):
        return 9


del A.__len__
try:
    len(A())
except TypeError as e:
    print(e)
print(len(B()))
del B.__len__
try:
    len(B())
except TypeError as e:
    print(e)
del L.__len__
print(len(L([1, 2])), list(L([3])))
