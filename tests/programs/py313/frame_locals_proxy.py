# [3.13 only] PEP 667: a function frame's f_locals is a write-through FrameLocalsProxy (a new one each time), locals() a new snapshot dict each call; extra locals, cells, errors, trace functions writing locals
import sys
import collections.abc

def f(a, b=2):
    x = 1
    def inner():
        return x
    fr = sys._getframe()
    p = fr.f_locals
    print(type(p).__name__, p is fr.f_locals, p == fr.f_locals, list(p), len(p))
    print('x' in p, 'zz' in p, p['a'], p.get('nope'), p.get('nope', 1), p.get('b'))
    p['x'] = 5
    p['a'] = 7
    print(x, inner(), a)
    p['new'] = 3
    print(p['new'], 'new' in p, list(p)[-2:], len(p), sorted(p.keys()))
    print(sorted(p.items())[:2], sorted(v for v in p.values() if isinstance(v, int)))
    print(type(p.copy()).__name__, sorted(p.copy()) == sorted(p))
    for k in ('a', 'new'):
        try:
            del p[k]
        except TypeError as e:
            print('TypeError:', e)
    try:
        p['nope2']
    except KeyError as e:
        print('KeyError:', e)
    print(p == dict(p), p != {}, p.setdefault('sd', 4), p.setdefault('sd', 5), p.setdefault('a'))
    try:
        p.update(1)
    except TypeError as e:
        print('TypeError:', e)
    p.update({'a': 11, 'more': 0})
    print(a, p['more'])
    p |= {'b': 12}
    print(b, type(p).__name__, type(p | {'q': 1}).__name__, type({'q': 1} | p).__name__)
    print(list(reversed(p))[:3])
    try:
        hash(p)
    except TypeError as e:
        print('TypeError:', e)
    print(isinstance(p, collections.abc.Mapping), isinstance(p, dict))
    l1 = locals()
    l2 = locals()
    print(l1 is l2, l1 == l2, type(l1).__name__, 'new' in l1, 'l1' in l2)
    l1['x'] = 100
    print(x)
    b = None
    del b
    print('b' in p, 'b' in locals())
    return fr

fr = f(1)
print(sorted(fr.f_locals), fr.f_locals['x'])
fr.f_locals['x'] = 42
print(fr.f_locals['x'])

# a module's and a class body's f_locals are their namespaces
print(sys._getframe().f_locals is globals())
class C:
    print(type(sys._getframe().f_locals).__name__)

# exec and eval in a function see a snapshot
def ex():
    v = 1
    exec("v = 2; w = 3")
    print(v, 'w' in locals(), eval("v + 1"))
ex()

# a trace function writes a local through f_locals
def tracer(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'traced' and 'n' in frame.f_locals:
        frame.f_locals['n'] = 10
    return tracer

def traced():
    n = 1
    n = n + 1
    return n

sys.settrace(tracer)
r = traced()
sys.settrace(None)
print('traced', r)

# the proxy's constructor
P = type(fr.f_locals)
print(P(fr) == fr.f_locals)
for args in ((), (1,)):
    try:
        P(*args)
    except TypeError as e:
        print('TypeError:', e)
done = f(5)
done.clear()
print(done.f_locals, len(done.f_locals))
