# dir(module): a module-level __dir__ (PEP 562) answers, sorted; a __dict__ that is no dict is a TypeError
import sys, types
m = types.ModuleType('m')
m.x = 1
print([n for n in dir(m) if not n.startswith('__')])
m.__dir__ = lambda: ['zeta', 'alpha']
print(dir(m))
class Foo(types.ModuleType):
    __dict__ = 8
try:
    dir(Foo('foo'))
except TypeError as e:
    print('TypeError', e)
class M(types.ModuleType):
    pass
mm = M('mm'); mm.b = 2; mm.a = 1
print([n for n in dir(mm) if not n.startswith('__')], 'exit' in dir(sys))
class G:
    def __dir__(self):
        return 7
try:
    dir(G())
except TypeError as e:
    print('TypeError', e)
