# dir() of a bound method lists its function's attributes (object.__dir__
# reads the method's __dict__, which is the function's); a function made
# from globals without '__builtins__' sees the running code's builtins.
class F:
    def a(self):
        pass

f = F()
print('known_attr' in dir(f.a))
F.a.known_attr = 7
print('known_attr' in dir(f.a), f.a.__dict__, f.a.known_attr)
print('__func__' in dir(f.a), '__self__' in dir(f.a))

class NoDict:
    __slots__ = ()
    @property
    def __dict__(self):
        return {'from_property': 1}

class BadDict:
    __slots__ = ()
    @property
    def __dict__(self):
        raise RuntimeError("no")

class NotADict:
    __slots__ = ()
    __dict__ = [1, 2]

print('from_property' in dir(NoDict()))
print('__slots__' in dir(NotADict()))
try:
    dir(BadDict())
except RuntimeError as e:
    print("RuntimeError", e)

code = """
def func3(s): return len(s)
func4 = type(func3)(func3.__code__, {})
"""
safe = {'None': None, 'len': lambda s: 'safe len'}
ns = {'type': type, '__builtins__': safe}
exec(code, ns)
print(ns['func3'].__builtins__ is safe, ns['func4'].__builtins__ is safe)
print(ns['func4']('abc'), '__builtins__' in ns['func4'].__globals__)

def g(s):
    return len(s)
g2 = type(g)(g.__code__, {})
print(g2('abcd'), g2.__builtins__ is g.__builtins__)
