# exec/eval with dict-subclass globals and any __builtins__ (a dict subclass, a read-only dict, 123): CPython's lookups index them; dir() reads a mapping's keys(); __main__.__builtins__ is the module
import builtins
import types
class frozendict_error(Exception): pass
class frozendict(dict):
    def __setitem__(self, key, value):
        raise frozendict_error("frozendict is readonly")
frozen_builtins = frozendict(builtins.__dict__)
for src, g in [("print('Hello World!')", {'__builtins__': {}}),
               ("print('Hello World!')", {'__builtins__': 123}),
               ("__builtins__['superglobal']=2; print(superglobal)", {'__builtins__': frozen_builtins}),
               ("class A: pass", {'__builtins__': {}}),
               ("class A: pass\nprint(A)", {'__builtins__': frozen_builtins}),
               ("class A: pass", {'__builtins__': frozendict()}),
               ("x=1", frozendict({})),
               ]:
    try:
        exec(compile(src, "test", "exec"), g); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
class setonlyerror(Exception): pass
class setonlydict(dict):
    def __getitem__(self, key):
        raise setonlyerror
class customdict(dict): pass
for src, g in [("globalname", setonlydict({'globalname': 1})),
               ("superglobal", {'__builtins__': setonlydict({'superglobal': 1})}),
               ("superglobal", {'__builtins__': customdict({'superglobal': 1})}),
               ("superglobal", {'__builtins__': customdict()}),
               ("def f(): return len\nprint(f()([1]))", {'__builtins__': customdict(len=lambda x: 42)}),
               ("def f(): return nope\nf()", {'__builtins__': customdict(len=lambda x: 42)}),
               ("def f(): return len\nprint(f()([1]))", {'__builtins__': 5}),
               ]:
    try:
        exec(compile(src, "test", "exec"), g); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
class M:
    def __getitem__(self, key):
        if key == 'a': return 12
        raise KeyError
    def keys(self): return list('xyz')
m = M(); g = globals()
print(eval('a', g, m))
try: eval('b', g, m)
except NameError as e: print(e)
print(eval('dir()', g, m), eval('globals()', g, m) is g, eval('locals()', g, m) is m)
# a function made with such globals (types.FunctionType)
f = types.FunctionType(compile("x + len('ab')", "f", "eval"), {'x': 1, '__builtins__': customdict(len=lambda s: 100)})
print(f())
for i in range(3):
    exec("def h(): return len\nprint(h()('abc'))", {"__builtins__": customdict(len=lambda s: i, print=print)} if i == 2 else {})
print(__builtins__)
