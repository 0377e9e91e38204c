# collections.defaultdict, Counter (most_common, update/subtract, arithmetic), OrderedDict (move_to_end, popitem, order-aware ==), ChainMap
from collections import defaultdict, Counter, OrderedDict, ChainMap

dd = defaultdict(list)
for word in ['apple', 'bob', 'avocado', 'cat', 'banana']:
    dd[word[0]].append(word)
print(dd)
print(dd['z'], len(dd), dict(dd))
ci = defaultdict(int)
for ch in 'mississippi':
    ci[ch] += 1
print(ci, sorted(ci.items()), ci.default_factory)
n = defaultdict(None, a=1)
print(n)
try:
    n['missing']
except KeyError as e:
    print('KeyError', e)
print(isinstance(dd, dict), type(dd).__name__ if False else 'dd')
d2 = ci.copy()
print(d2, type(d2) is type(ci))

c = Counter('abracadabra')
print(c)
print(c.most_common(2), c.most_common(), c['a'], c['z'])
c.update('aaz')
print(c)
c.subtract({'a': 10})
print(c, c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=5))
print(Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1))
print(sorted(Counter('hello world').elements()))
print(Counter(), Counter({'x': 1}) == Counter({'x': 1, 'y': 0}), Counter([1, 1, 2]))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(Counter(words).most_common(3))
del c['zz']
print(list(c), len(c))

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od)
od.move_to_end('b')
print(list(od))
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))

cm = ChainMap({'a': 1, 'b': 2}, {'b': 3, 'c': 4})
print(cm, cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'c' in cm, cm.get('q', 0))
cm['d'] = 5
print(cm.maps, list(cm.keys()), list(cm.items()))
child = cm.new_child()
child['a'] = 100
print(child['a'], cm['a'], child.parents)
try:
    cm['zz']
except KeyError as e:
    print('KeyError', e)
