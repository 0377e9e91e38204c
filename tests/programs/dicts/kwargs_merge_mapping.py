# f(**mapping) after two branches met: keys() then [k], repeats, non-str keys at the call, not a mapping
def f(**kw): return sorted(kw.items())
class M:
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k * 2
print(f(**M()))
try: f(a=1, **M())
except TypeError as e: print(e)
try: f(**{1: 2})
except TypeError as e: print(e)
try: f(**{'a': 1}, **{'a': 2})
except TypeError as e: print(e)
try: f(**{1: 1}, **{1: 2})
except TypeError as e: print(e)
try: f(**3)
except TypeError as e: print(e)
class Bad:
    def keys(self): return [1]
    def __getitem__(self, k): raise KeyError(k)
try: f(**Bad())
except Exception as e: print(type(e).__name__, e)
from collections import UserDict
print(f(**UserDict(x=1)), {**UserDict(y=2)})
