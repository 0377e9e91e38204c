# {**m} and f(**m) take any mapping (keys() and []), as CPython; a non-mapping is 'not a mapping'
from collections import UserDict
from collections.abc import MutableMapping
import types
print({**UserDict(a=1), **types.MappingProxyType({'b': 2})})
class M:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
print({**M()}, {'z': 0, **M()})
for bad in (1, [('a', 1)]):
    try: {**bad}
    except TypeError as e: print(e)
class KeysFail:
    def keys(self): raise AttributeError('inner')
try: {**KeysFail()}
except TypeError as e: print(e)
class CrazyDict(MutableMapping):
    def __init__(self): self.d = {}
    def __iter__(self):
        for x in self.d.__iter__():
            if x == 'c': self.d['z'] = 10
            yield x
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
d = CrazyDict(); d.d = {chr(ord('a') + x): x for x in range(5)}
try: e = {**d}
except RuntimeError as e: print(e)
def f(**kw): return kw
print(f(**M()), f(**UserDict(q=1)))
def g(x=None, **kw): return x, kw
try: g(**1)
except TypeError as e: print(e)
try: g(x=1, **{'x': 2})
except TypeError as e: print(e)
class XM(M):
    def keys(self): return ['x']
try: g(x=0, **XM())
except TypeError as e: print(e)
print(g(**XM()))
try: g(**{1: 3}, **{1: 5})
except TypeError as e: print(e)
try: g(**{1: 3})
except TypeError as e: print(e)
try: g(**{'a': 1}, **{1: 5})
except TypeError as e: print(e)
