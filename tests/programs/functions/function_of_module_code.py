# A function made of module code (FunctionType(compile(..., 'exec'), g)) reads and writes its names in the globals, as its locals mapping; top-level await code too
import ast, asyncio
from types import FunctionType

g = {'x': 1}
code = compile('y = x + 1\ndel x\nprint(sorted(k for k in locals() if k != "__builtins__"), locals() is globals())', '?', 'exec')
f = FunctionType(code, g)
f()
print(g['y'], 'x' in g)
for i in range(3):                       # the calls specialized after a few runs
    g['x'] = i
    f()
    print(g['y'])

co = compile('a = await asyncio.sleep(0, result=1)', '?', 'exec',
             flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
for mode in ('function', 'eval'):
    g = {'asyncio': asyncio, 'a': 0}
    asyncio.run(FunctionType(co, g)() if mode == 'function' else eval(co, g))
    print(mode, g['a'])

def plain():                             # __code__ swapped under a specialized call
    return 'plain'
z = None
for i in range(40):
    if i == 30:
        plain.__code__ = compile('z = "module code %d" % i', '?', 'exec')
    r = plain()
    if i % 10 == 9:
        print(i, r, z)
