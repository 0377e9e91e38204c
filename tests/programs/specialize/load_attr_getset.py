# LOAD_ATTR of a getset descriptor (obj.__class__, an exception's args, a
# function's __name__): specialized after a few runs, and every change that
# must undo it — a class attribute shadowing the descriptor, __class__
# assigned, another type at the same site, a getset that does not apply.

class A:
    pass

class B(A):
    pass

def cls_of(o):
    return o.__class__

for i in range(40):
    assert cls_of(A()) is A
print(cls_of(A()).__name__, cls_of(B()).__name__, cls_of(3).__name__, cls_of('s').__name__)

# A class whose body defines __class__ (as unittest.mock's do) at the site.
class M:
    @property
    def __class__(self):
        return 'shadowed'
a = A()
print(cls_of(a).__name__, cls_of(M()), cls_of(a).__name__)

# A class attribute added later over the descriptor: its value wins.
class E(ValueError):
    pass
def args_e(e):
    return e.args
for i in range(30):
    args_e(E(i))
E.args = property(lambda self: 'shadowed args')
print(args_e(E(1)), args_e(ValueError(2)))
del E.args
print(args_e(E(1)))

# __class__ assigned on the instance.
b = B()
for i in range(20):
    cls_of(b)
b.__class__ = A
print(cls_of(b).__name__)

# Exceptions' args and functions' __name__ at one site each.
def args_of(e):
    return e.args
def name_of(f):
    return f.__name__
for i in range(30):
    args_of(ValueError(i)); name_of(args_of)
print(args_of(KeyError('k')), args_of(OSError(2, 'x')), name_of(len), name_of(lambda: 0))
e = ValueError(1)
e.args = (5, 6)
print(args_of(e))

# A getset put in an unrelated class: it does not apply, as before.
class Odd:
    n = type.__dict__['__name__']
def n_of(o):
    return o.n
for i in range(20):
    try:
        n_of(Odd())
    except TypeError as exc:
        msg = str(exc)
print(msg)
print(n_of(Odd))

# A getset whose getter raises AttributeError, with __getattr__ behind it.
class G(Exception):
    def __getattr__(self, name):
        return 'fallback ' + name
def tb_of(e):
    return e.__traceback__
for i in range(20):
    tb_of(G())
print(tb_of(G()))
def dict_of(o):
    return o.__dict__
class S:
    __slots__ = ('x',)
for i in range(20):
    try:
        dict_of(S())
    except AttributeError as exc:
        msg = str(exc)
print(msg)
print(dict_of(A()) == {}, dict_of(a))
