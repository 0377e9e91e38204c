# operator: CPython's Lib/operator.py over _operator — call, length_hint, _compare_digest, getters' reprs and __reduce__, errors
import operator, _operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add is _operator.add, operator.__add__ is _operator.add, operator.__call__ is operator.call)
print(type(operator.add), operator.add, operator.__lt__, operator.abs(-2), operator.__abs__(-3.5))
print(sorted(n for n in operator.__all__ if not hasattr(_operator, n)))
for T in (itemgetter, attrgetter, methodcaller):
    print(T, T.__module__, T.__name__)
    try:
        class S(T): pass
    except TypeError as e:
        print(e)
print(itemgetter(1).__reduce__(), itemgetter(1, 'a').__reduce__(), itemgetter((1, 2)))
print(attrgetter('a.b', 'c').__reduce__(), attrgetter('x.y.z'))
print(methodcaller('f', 1, 2).__reduce__())
r = methodcaller('f', 1, k=2).__reduce__()
print(r, r[0](*r[1]))
print(repr(attrgetter('a.b', 'c')), repr(methodcaller('f', 1, k='v')), itemgetter(-1, slice(1, 2)))

class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
n = Node(1, Node(2, Node(3)))
print(attrgetter('nxt.nxt.v', 'v')(n), attrgetter('nxt.v')(n))
print(methodcaller('split', ',', maxsplit=1)('a,b,c'), itemgetter('k', 0)({'k': 1, 0: 2}))
print(operator.call(max, 1, 3), operator.call(dict, a=1), operator.call(sorted, [3, 1], reverse=True))
print(_operator._compare_digest(b'abc', bytearray(b'abc')), _operator._compare_digest('abc', 'abd'),
      _operator._compare_digest(b'', b''), _operator._compare_digest(b'ab', b'abc'))

class LH:
    def __init__(self, r): self.r = r
    def __length_hint__(self): return self.r
class Sized:
    def __len__(self): return 4
    def __length_hint__(self): return 99
class BadLen:
    def __len__(self): raise TypeError('nope')
    def __length_hint__(self): return 5
print(operator.length_hint([1, 2]), operator.length_hint(Sized()), operator.length_hint(LH(7)),
      operator.length_hint(LH(NotImplemented), 3), operator.length_hint(object(), 9),
      operator.length_hint(BadLen()), operator.length_hint(LH(True)))
for o in (LH(-1), LH('a'), LH(2 ** 70)):
    try:
        print(operator.length_hint(o, 7))
    except Exception as e:
        print(type(e).__name__, e)

def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for f in [lambda: itemgetter(), lambda: itemgetter(1)(1, 2), lambda: itemgetter(1, x=1),
          lambda: attrgetter(), lambda: attrgetter(1), lambda: attrgetter('a', 2),
          lambda: methodcaller(), lambda: methodcaller(1), lambda: attrgetter('a')(),
          lambda: operator.index(1.5), lambda: operator.length_hint([], 'x'), lambda: operator.call(),
          lambda: _operator._compare_digest('a', b'a'), lambda: _operator._compare_digest('é', 'é'),
          lambda: _operator._compare_digest(1, 2), lambda: _operator._compare_digest(b'a', 'a'),
          lambda: operator.concat(1, 2), lambda: operator.add(1), lambda: operator.lt(1, 2, 3),
          lambda: itemgetter(1)(x=1), lambda: methodcaller('x')(), lambda: methodcaller('x')(1, 2),
          lambda: operator.countOf(1, 2), lambda: operator.indexOf(3, 1), lambda: operator.iconcat(1, []),
          lambda: operator.indexOf([1, 2], 5), lambda: operator.not_(), lambda: attrgetter('nxt.zz')(n),
          lambda: itemgetter(5)([1]), lambda: operator.abs('x'), lambda: operator.neg('x'),
          lambda: operator.add(1, x=2), lambda: operator.length_hint(1, 2, 3)]:
    err(f)

a = [1]
print(operator.iadd(a, [2]), a, operator.iconcat(a, (3,)), operator.ipow(2, 5), operator.imatmul.__name__)
print(operator.is_(None, None), operator.is_not(a, a), operator.truth(a), operator.not_(a), operator.inv(5))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf((4, 5, 6), 6), operator.contains({1: 2}, 1))
