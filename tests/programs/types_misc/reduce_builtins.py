# __reduce__/__setstate__ of builtin iterators, range, slice, set, exceptions: the recipes copy and pickle use, and rebuilding from them
def show(r):
    parts = []
    for x in r:
        if isinstance(x, tuple):
            x = tuple(type(y).__name__ if 'iterator' in type(y).__name__ else y for y in x)
        parts.append(x.__name__ if callable(x) and hasattr(x, '__name__') else x)
    return tuple(parts)
def rebuild(it):
    r = it.__reduce__()
    new = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return list(new)
it = iter([1, 2, 3]); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter((1, 2, 3)); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter('abc'); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter('aéc'); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter(b'abc'); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter(bytearray(b'abc')); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter(range(10)); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter(range(0, 10, 3)); next(it); print(show(it.__reduce__()), rebuild(it))
it = iter(range(2**70, 2**70 + 3)); next(it); print(show(it.__reduce__()), rebuild(it))
it = reversed(range(5)); next(it); print(show(it.__reduce__()), rebuild(it))
d = {'a': 1, 'b': 2, 'c': 3}
for it in [iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items())]:
    next(it); print(show(it.__reduce__()), rebuild(it))
it = iter({1, 2, 3}); next(it); print(show(it.__reduce__()))
e = enumerate('abc', 5); next(e); print(show(e.__reduce__()), rebuild(e))
z = zip('ab', 'cd'); print(show(z.__reduce__()), rebuild(z))
z = zip('ab', 'cd', strict=True); print(show(z.__reduce__()), rebuild(z))
m = map(str, [1, 2]); print(show(m.__reduce__()), rebuild(m))
f = filter(None, [0, 1]); print(show(f.__reduce__()), rebuild(f))
f = filter(bool, [0, 1]); print(show(f.__reduce__()), rebuild(f))
r = reversed([1, 2, 3]); next(r); print(show(r.__reduce__()), rebuild(r))
r = reversed((1, 2, 3)); next(r); print(show(r.__reduce__()), rebuild(r))
ci = iter(list(range(5)).pop, 2); next(ci); r = ci.__reduce__(); print(r[0].__name__, r[1][0].__name__, r[1][1], rebuild(ci))
class S:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
it = iter(S()); next(it); print(show(it.__reduce__())[0], show(it.__reduce__())[2], rebuild(it))
for it in [iter([1]), iter((1,)), iter('x'), iter(b'x'), iter(range(1)), reversed([1]), reversed((1,)), iter(S())]:
    list(it); print(show(it.__reduce__()))
it = iter([1, 2, 3]); it.__setstate__(2); print(list(it))
it = iter([1, 2, 3]); it.__setstate__(-5); print(list(it))
it = iter('hello'); it.__setstate__(10); print(list(it))
it = iter(range(5)); it.__setstate__(3); print(list(it))
it = reversed([1, 2, 3]); it.__setstate__(0); print(list(it))
try:
    iter([]).__setstate__('x')
except TypeError as e:
    print(e)
print(range(1, 10, 2).__reduce__(), slice(1, 2).__reduce__(), slice(None, 5, 'x').__reduce__())
print({1, 2}.__reduce__(), frozenset({3}).__reduce__())
class MySet(set): pass
s = MySet([1]); s.tag = 1; print(show(s.__reduce__()))
print(OSError(2, 'no', 'f.txt').__reduce__())
print(OSError(2, 'no', 'f.txt', None, 'g').__reduce__())
print(OSError('x').__reduce__(), OSError(1, 2, 3, 4, 5, 6).__reduce__())
e = OSError(2, 'no'); e.extra = 1; print(e.__reduce__())
print(ImportError('m').__reduce__(), ImportError('m', name='n').__reduce__(), ImportError('m', name=None, path='p').__reduce__())
i = ImportError('m', name='n'); i.z = 1; print(i.__reduce__())
print(AttributeError('a', name='n', obj=1).__reduce__(), NameError('x', name='y').__reduce__())
print(StopIteration(5).__reduce__(), SystemExit(3).__reduce__(), KeyError('k').__reduce__())
e = ValueError('v'); e.add_note('note'); print(e.__reduce__())
e = ValueError(1); print(e.__setstate__({'a': 1, 'args': (5,)}), e.a, e.args, e.__setstate__(None))
try:
    e.__setstate__(3)
except TypeError as x:
    print(x)
class MyErr(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
print(MyErr(1, 2).__reduce__())
print(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad').__reduce__())
print(BaseExceptionGroup('g', [ValueError(1)]).__reduce__())
print(ValueError('a').with_traceback(None).args)
