# f(**mapping) takes any mapping (keys() and []), as CPython's dict merge does, with its errors
import collections

class Mapping:
    def __init__(self, d):
        self.d = d
    def keys(self):
        print('keys()')
        return list(self.d)
    def __getitem__(self, k):
        print('getitem', k)
        return self.d[k]

def f(*args, **kw):
    return args, kw

print(f(**collections.UserDict(a=1, b=2)))
print(f(1, *collections.UserList([2]), **collections.UserDict(c=3)))
print(f(**Mapping({'x': 1, 'y': 2}), z=3))
print((lambda **k: sorted(k))(**collections.ChainMap({'p': 1}, {'q': 2})))
for bad in (Mapping({1: 'one'}), Mapping({'z': 0}), [('a', 1)], 42):
    try:
        print(f(z=1, **bad))
    except TypeError as e:
        print('TypeError:', e)
class BadKeys:
    def keys(self):
        raise RuntimeError('no keys today')
try:
    f(**BadKeys())
except RuntimeError as e:
    print('RuntimeError:', e)
