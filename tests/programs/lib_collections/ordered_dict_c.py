# collections.OrderedDict is _collections' C type: move_to_end, popitem(last=), reversed views, order-sensitive ==, __reduce__, pickling, and the mutated-during-iteration errors
import collections
import collections.abc
import copy
import pickle
from collections import OrderedDict


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(OrderedDict.__module__, type(OrderedDict.__dict__['move_to_end']).__name__)
od = OrderedDict.fromkeys('abcde', 0)
od.move_to_end('b')
od.move_to_end('d', last=False)
od.move_to_end('c', False)
print(od, list(reversed(od)))
print(list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.popitem(last=False), od.popitem(), od.popitem(False), od)
attempt(lambda: od.move_to_end('zz'))
attempt(lambda: OrderedDict().popitem())
attempt(lambda: od.pop('zz'))
print(od.pop('zz', 'dflt'), od.setdefault('n', 9), od.setdefault('n', 10), od)
attempt(lambda: od.move_to_end('a', last=False, x=1))
attempt(lambda: od.update(1, 2))
attempt(lambda: OrderedDict(1, 2))
attempt(lambda: OrderedDict([(1, 2, 3)]))
attempt(lambda: OrderedDict([(1,)]))
attempt(lambda: OrderedDict([1]))

a, b = OrderedDict(x=1, y=2), OrderedDict(y=2, x=1)
print(a == b, a != b, a == dict(b), dict(b) == a, a == OrderedDict(x=1, y=2))
print(type(a.keys()).__name__, type(a.keys()).__mro__[1].__name__, a.keys(), a.items(), a.values())
print(a.keys() & {'x'}, a.items() == {('x', 1), ('y', 2)}, type(iter(a)).__name__,
      type(reversed(a.values())).__name__)
print(a | {'z': 3}, {'z': 3} | a, a.copy(), copy.copy(a), copy.deepcopy(a))
a |= [('w', 0)]
print(a)
print(a.__reduce__()[:4])
a.attr = 'kept'
print(a.__reduce__()[:4], pickle.loads(pickle.dumps(a)).attr)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it = iter(a.items())
    next(it)
    assert list(pickle.loads(pickle.dumps(it, proto))) == list(it)
print(pickle.loads(pickle.dumps(a)) == a, iter(a.values()).__reduce__())

r = OrderedDict()
r['me'] = r
print(r, OrderedDict())

log = []


class Logged(OrderedDict):
    def __setitem__(self, key, value):
        log.append(key)
        super().__setitem__(key, value)


s = Logged([(1, 2)], z=3)
s.update({4: 5})
print(s, s.copy(), log, repr(Logged()))


class Missing(OrderedDict):
    def __missing__(self, key):
        return 0


m = Missing(a=1)
print(m['q'], m.pop('b', 5), m.pop('a', 6), m.pop('a', 6))

od = OrderedDict.fromkeys('abcde')
for k in od:
    od[k] = k.upper()       # replacing values is allowed
print(od)
for change in (lambda k: od.move_to_end(k), lambda k: od.__setitem__('f', 1),
               lambda k: od.__delitem__('c')):
    try:
        for k in od:
            change(k)
    except RuntimeError as e:
        print('RuntimeError', e)
print(list(od))
it = iter(od)
dict.__setitem__(od, 'bypass', 1)
attempt(lambda: next(it))
attempt(lambda: next(it))
print(collections.OrderedDict[int], isinstance(od.keys(), collections.abc.KeysView))
