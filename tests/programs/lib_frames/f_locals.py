# f_locals: a snapshot dict of a function's locals and cells (the same dict, refreshed), module and class namespaces, frames that returned, locals(), clear()
import sys

def f(a, b=2):
    x = a + b
    fr = sys._getframe()
    d1 = fr.f_locals
    print(sorted(d1))
    y = 10
    d2 = fr.f_locals
    print(d1 is d2, sorted(d2), d2['y'])
    d2['x'] = 99          # writing to the snapshot changes nothing
    print(x)
    return fr

fr = f(1)
print(sorted(fr.f_locals), fr.f_locals['x'], fr.f_locals['fr'] is fr)
print(fr.f_locals['y'])

def cells():
    v = 1
    def g():
        return v
    fr = sys._getframe()
    v = 2
    return fr.f_locals['v'], g()
print(cells())

def closure():
    w = 5
    def g():
        w
        return sys._getframe().f_locals
    return g()
print(closure())

print(sys._getframe().f_locals is globals())

class C:
    p = 1
    ns = sys._getframe().f_locals
    print(sorted(k for k in ns if not k.startswith('__')))

def loc():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    return l1 is l2, sorted(l2)
print(loc())

def unbound():
    fr = sys._getframe()
    print('z' in fr.f_locals)
    z = 1
    print('z' in fr.f_locals)
    del z
    print('z' in fr.f_locals)
unbound()

done = f(5)
done.clear()
print(done.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print('RuntimeError:', e)
