# A function made of module code (FunctionType(compile(..., 'exec'), g)) reads and writes its names in the globals, as its locals mapping
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

def plain():                             # __code__ swapped under a specialized call
    return 'plain'
z = None
for i in range(40):
    if i == 30:
        plain.__code__ = compile('z = "module code %d" % i', '?', 'exec')
    r = plain()
    if i % 10 == 9:
        print(i, r, z)
