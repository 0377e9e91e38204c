# the names, qualnames, modules and reprs of the collections types (deque, defaultdict, OrderedDict, Counter, ChainMap) and a subclass
from collections import deque, defaultdict, OrderedDict, Counter
for t in (deque, defaultdict, OrderedDict, Counter, int):
    print(t, t.__name__, t.__qualname__, t.__module__)
print(deque([1]), defaultdict(int))
print(OrderedDict(a=1), Counter('aab'), OrderedDict())
class O(OrderedDict): pass
print(O(x=2))
from collections import ChainMap
print(ChainMap({1:2}), type(ChainMap()).__module__)
