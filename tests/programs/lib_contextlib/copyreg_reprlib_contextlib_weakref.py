# copyreg, reprlib, keyword, contextlib and weakref from Lib/ in use (contextmanager, ExitStack, suppress, closing, ContextDecorator; Weak*Dictionary, WeakSet, WeakMethod)
import copyreg, reprlib, keyword, contextlib, weakref, gc

# copyreg: pickle table, constructor, __reduce_ex__ with copyreg helpers, extension registry
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
def reduce_point(p): return (Point, (p.x, p.y))
copyreg.pickle(Point, reduce_point)
print(copyreg.dispatch_table[Point] is reduce_point)
p = Point(1, 2)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is Point, r[2])
print(copyreg._slotnames(Point))
class Slotted:
    __slots__ = ('a', 'b')
print(copyreg._slotnames(Slotted), Slotted.__slotnames__)
copyreg.add_extension('mod', 'name', 240)
print(copyreg._extension_registry[('mod', 'name')])
copyreg.remove_extension('mod', 'name', 240)
print(copyreg._reconstructor(list, list, [1, 2]))

# reprlib
r = reprlib.Repr()
r.maxlist = 3
print(r.repr(list(range(10))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(20)}))
class Node:
    def __init__(self): self.kids = [self]
    @reprlib.recursive_repr()
    def __repr__(self): return f'Node({self.kids})'
print(Node())

# keyword
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist) > 30, keyword.softkwlist)

# contextlib
@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name
    finally:
        print('</%s>' % name)
with tag('b') as t:
    print('inside', t)
with contextlib.suppress(KeyError):
    {}['x']
print('suppressed')
with contextlib.ExitStack() as stack:
    for n in 'xy':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback')
class Res:
    def close(self): print('closed')
with contextlib.closing(Res()):
    pass
with contextlib.nullcontext(5) as v:
    print(v)
@contextlib.contextmanager
def fails():
    try:
        yield
    except ValueError as e:
        print('caught', e)
with fails():
    raise ValueError('boom')
class CM(contextlib.ContextDecorator):
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit'); return False
@CM()
def deco(): print('body')
deco()
class ACM(contextlib.AbstractContextManager):
    def __exit__(self, *a): return None
with ACM() as a:
    print(type(a).__name__)

# weakref
class Obj:
    def __init__(self, n): self.n = n
    def m(self): return self.n
o = Obj(3)
d = weakref.WeakValueDictionary()
d['a'] = o
k = weakref.WeakKeyDictionary()
k[o] = 'val'
s = weakref.WeakSet([o])
wm = weakref.WeakMethod(o.m)
print(d['a'].n, k[o], len(s), wm()(), o in s)
del o
gc.collect()
print(len(d), len(k), len(s), wm())
