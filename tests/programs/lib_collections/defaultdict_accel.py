# _collections: defaultdict (__missing__, default_factory, repr, copy, __reduce__, |), _tuplegetter and _count_elements
from _collections import defaultdict, _tuplegetter, _count_elements

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

dd = defaultdict(list, a=1)
dd['x'].append(3)
print(dd, dd.default_factory, defaultdict, defaultdict.__module__, repr(defaultdict[str, int]))
r = dd.__reduce__()
print(r[:4], list(r[4]), defaultdict().__reduce__()[:4], defaultdict.__reduce__)
print(dd.get('nope'), 'nope' in dd, len(dd), defaultdict(), defaultdict(None, {1: 2}))
dd2 = dd | {'b': 2}
print(type(dd2).__name__, dd2, {'z': 0} | dd, type({'z': 0} | dd).__name__, dd2.default_factory)
dd |= {'c': 3}
print(dd)
e(lambda: dd | 1)
e(lambda: 1 | dd)
e(lambda: defaultdict(1))
e(lambda: defaultdict(list, 1))
e(lambda: defaultdict(list, [1]))
e(lambda: defaultdict(list).__missing__())
e(lambda: defaultdict(None)['k'])
e(lambda: defaultdict(lambda: 1 / 0)['k'])
c = dd.copy()
print(c, type(c).__name__, c is dd, c.default_factory is list, dd.__copy__() == dd)
dd.default_factory = int
print(dd['n'], dd)
dd.default_factory = None
e(lambda: dd['m'])
del dd.default_factory
print(dd.default_factory)
dd['self'] = dd
print(dd)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(sorted(counts.items()), counts.__missing__('q'), counts['q'])

class DD(defaultdict):
    def __init__(self, n):
        super().__init__(lambda: n)
dx = DD(7)
print(dx['a'], dict(dx), dx.default_factory(), isinstance(dx, dict))
class Plain(defaultdict):
    pass
p = Plain(str, k='v')
print(p, p['z'] == '', p.copy(), type(p.copy()).__name__, type(p | {}).__name__)
e(lambda: hash(p))

class TP(tuple):
    x = _tuplegetter(0, 'doc x')
    y = _tuplegetter(5, 'doc y')
    z = _tuplegetter(-1, None)
t = TP((1, 2))
print(t.x, TP.x, TP.x.__doc__, TP.x.__reduce__(), TP.z, _tuplegetter)
TP.x.__doc__ = 'changed'
print(TP.x.__doc__, TP.__dict__['y'].__get__(TP((9,) * 6)))
for f in [lambda: t.y, lambda: setattr(t, 'x', 2), lambda: delattr(t, 'x'), lambda: t.z,
          lambda: TP.x.__get__(object()), lambda: TP.x.__get__([1]), lambda: _tuplegetter(1),
          lambda: _tuplegetter('a', 'b'), lambda: _tuplegetter(1, 'b', c=2)]:
    e(f)

c = {}
_count_elements(c, 'abracadabra')
print(c)
class M(dict):
    def get(self, k, d):
        print('get', k, d)
        return dict.get(self, k, d)
m = M(a=10)
_count_elements(m, 'ab')
print(m)
for f in [lambda: _count_elements(1, 'ab'), lambda: _count_elements({}, 5),
          lambda: _count_elements({}), lambda: _count_elements({}, [[1]])]:
    e(f)
