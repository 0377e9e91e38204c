# functools.Placeholder (3.14): partial arguments left open, filled by the call or by an outer partial; the errors, repr, pickling and the singleton
import functools, pickle, copy
from functools import partial, Placeholder as _
from _functools import _PlaceholderType

def f(*args, **kw):
    return args, kw

def e(fn):
    try:
        print(fn())
    except Exception as x:
        print(type(x).__name__, x)

p = partial(f, _, 2, _, 4)
print(p(1, 3), p(1, 3, 5, k=6), p.args, repr(p).replace(repr(f), 'f'))
q = partial(p, 'a')
print(q.args, q('c'), q.func is f)
r = partial(p, 'a', 'b', 'x')
print(r.args, r())
s = partial(p, _, 'b')
print(s.args, s('z'))
e(lambda: p(1))
e(lambda: partial(f, 1, _))
e(lambda: partial(f, k=_))
e(lambda: partial(p, 1, _))
print(repr(_), type(_).__name__, type(_).__module__, _ is _PlaceholderType(), _ is copy.copy(_), _ is copy.deepcopy(_))
print(pickle.loads(pickle.dumps(_)) is _, _.__reduce__(), bool(_))
e(lambda: _PlaceholderType(1))
e(lambda: type('Sub', (_PlaceholderType,), {}))
t = partial(f)
t.__setstate__((f, (_, 1), {}, None))
print(t.args, t(0))
e(lambda: t.__setstate__((f, (1, _), {}, None)))
u = pickle.loads(pickle.dumps(partial(divmod, _, 7)))
print(u.args[0] is _, u(23))
print(sorted(n for n in dir(functools) if 'lace' in n))
