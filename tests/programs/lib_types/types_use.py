# types from Lib/: new_class/prepare_class/resolve_bases, DynamicClassAttribute, coroutine, SimpleNamespace, MappingProxyType, UnionType, GenericAlias
import types

def body(ns):
    ns['x'] = 1
    ns['hello'] = lambda self: 'hi'
C = types.new_class('C', (object,), {}, body)
print(C.__name__, C.x, C().hello(), type(C))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        d = super().__prepare__(name, bases)
        d['prepared'] = kw
        return d
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
D = types.new_class('D', (), {'metaclass': Meta, 'flag': 1})
print(type(D).__name__, D.prepared)
meta, ns, kw = types.prepare_class('E', (), {'metaclass': Meta, 'k': 2})
print(meta.__name__, ns['prepared'], kw)

class Base: pass
class Entry:
    def __mro_entries__(self, bases): return (Base,)
print(types.resolve_bases((Entry(), int)))
F = types.new_class('F', (Entry(),))
print(F.__bases__, F.__orig_bases__[0].__class__.__name__)

ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b='x', c=[1]), vars(ns))
mp = types.MappingProxyType({'k': 1})
print(mp['k'], list(mp), len(mp), 'k' in mp, mp.get('z', 0))
try:
    mp['k'] = 2
except TypeError as e:
    print('TypeError', e)

U = int | str | None
print(U, type(U) is types.UnionType, U.__args__, isinstance(3, U), isinstance(3.0, U), int | str == str | int)
G = list[int]
print(G, type(G) is types.GenericAlias, G.__origin__, G.__args__, dict[str, list[int]])
print(types.GenericAlias(tuple, (int, ...)))

class Thing:
    def __init__(self): self._v = 5
    @types.DynamicClassAttribute
    def v(self): return self._v
print(Thing().v, isinstance(Thing.__dict__['v'], types.DynamicClassAttribute))

@types.coroutine
def gen():
    yield 1
    return 2
async def main():
    return await gen()
c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('StopIteration', e.value)

print(types.FunctionType, types.LambdaType, types.MethodType, types.BuiltinFunctionType, types.ModuleType)
print(types.GeneratorType, types.CoroutineType, types.CodeType, types.CellType, types.NoneType, types.EllipsisType)
m = types.ModuleType('mymod', 'doc')
print(m, m.__doc__, m.__name__)
bound = types.MethodType(lambda self: self, 42)
print(bound(), bound.__self__)
def f(): pass
print(types.FunctionType(f.__code__, {}, 'g').__name__)
