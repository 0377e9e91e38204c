# A class body run in a non-dict mapping from __prepare__: STORE/LOAD/DELETE_NAME, annotations, class cells go through the mapping protocol
class NS:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): print('set', k); self.d[k] = v
    def __getitem__(self, k): print('get', k); return self.d[k]
    def __delitem__(self, k): print('del', k); del self.d[k]

class Meta(type):
    @classmethod
    def __prepare__(m, name, bases, **kw):
        print('prepare', name, kw)
        return NS()
    def __new__(m, name, bases, ns, **kw):
        return super().__new__(m, name, bases, dict(ns.d))

z = 'outer'
def f():
    w = 'cell'
    class C(metaclass=Meta):
        x = 1
        y: int = 2
        __annotations__['q'] = 5
        print(x, z, w)
        t = 3
        del t
        try:
            del nothere
        except NameError as e:
            print(e)
        def m(self):
            return __class__
    return C
C = f()
print(C.x, C.__annotations__, C().m() is C)

class Bad:
    def __getitem__(self, k): raise LookupError('no ' + k)
    def __setitem__(self, k, v): pass

class Meta2(type):
    @classmethod
    def __prepare__(m, name, bases): return Bad()
    def __new__(m, name, bases, ns): return super().__new__(m, name, bases, {})
try:
    class D(metaclass=Meta2):
        a: int
except LookupError as e:
    print('LookupError', e)
