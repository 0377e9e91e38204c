# Constructing builtin types types.py names: MethodType, FunctionType, SimpleNamespace, CellType, TracebackType
import sys

class C:
    def m(self): pass
def f(self, x=1):
    return (self, x)
MethodType = type(C().m)
FunctionType = type(f)
SimpleNamespace = type(sys.implementation)
def _cell():
    a = 1
    def g(): return a
    return g.__closure__[0]
CellType = type(_cell())

# MethodType(func, obj)
bm = MethodType(f, 42)
print(bm(), bm(2), bm.__func__ is f, bm.__self__, bm.__name__, bm == MethodType(f, 42))
print(MethodType(len, [1, 2])(), MethodType(C.m, None.__class__))
for args in ((f,), (1, 2), (f, None), (f, 1, 2)):
    try:
        MethodType(*args)
    except TypeError as e:
        print(e)

# FunctionType(code, globals, name=None, argdefs=None, closure=None)
def adder(a, b=10):
    return a + b + bonus
h = FunctionType(adder.__code__, {"bonus": 100, "__name__": "elsewhere"}, "h", (1,))
print(h.__name__, h.__qualname__, h.__module__, h(5), h(5, 0), h.__defaults__, h.__globals__["bonus"])
def outer():
    v = "closed"
    def inner(): return v
    return inner
inner = outer()
print(FunctionType(inner.__code__, {}, None, None, inner.__closure__)())
print(FunctionType(inner.__code__, {}, closure=(CellType("other"),))())
print(FunctionType(code=adder.__code__, globals={"bonus": 0})(1, 2))
for args in ((1, {}), (adder.__code__, 1), (adder.__code__, {}, 1),
             (adder.__code__, {}, None, 1), (inner.__code__, {}),
             (inner.__code__, {}, None, None, 1), (inner.__code__, {}, None, None, ()),
             (inner.__code__, {}, None, None, (1,)), (adder.__code__, {}, None, None, (CellType(),))):
    try:
        FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# SimpleNamespace(**kwargs)
n = SimpleNamespace(a=1, b='x')
print(n, n.a, n.b, SimpleNamespace.__module__, SimpleNamespace.__name__, SimpleNamespace.__qualname__)
n.c = [1]; del n.a; print(n, n.__dict__, vars(n))
print(SimpleNamespace() == SimpleNamespace(), SimpleNamespace(a=1) == SimpleNamespace(a=1),
      SimpleNamespace(a=1) == SimpleNamespace(a=2), SimpleNamespace(a=1) == 1,
      SimpleNamespace(a=1) != SimpleNamespace(a=1), SimpleNamespace(b=2, a=1))
try:
    SimpleNamespace(1)
except TypeError as e:
    print(e)
try:
    hash(SimpleNamespace())
except TypeError as e:
    print(e)
try:
    SimpleNamespace().missing
except AttributeError as e:
    print(e)
r = SimpleNamespace(); r.me = r; print(r)
class T(SimpleNamespace): pass
print(T(z=1), T(z=1) == SimpleNamespace(z=1))
class U(SimpleNamespace):
    def __init__(self, q):
        super().__init__(q=q, r=2)
print(U(5), U(5).q)
print(SimpleNamespace(a=1).__reduce__())
print(type(sys.implementation).__name__, sys.implementation.cache_tag)

# CellType([contents])
c = CellType(5); print(c.cell_contents, c == CellType(5), CellType(1) < CellType(2))
e = CellType()
try:
    e.cell_contents
except ValueError as x:
    print(x)
e.cell_contents = 3; print(e.cell_contents); del e.cell_contents
print(CellType() == CellType(), CellType() < CellType(0))
try:
    CellType(1, 2)
except TypeError as x:
    print(x)

# TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno): a frame is needed
try:
    raise ValueError
except ValueError as err:
    TracebackType = type(err.__traceback__)
for args in ((None, 1, 0, 1), (1, 2, 0, 1), (None,)):
    try:
        TracebackType(*args)
    except TypeError as x:
        print(x)
