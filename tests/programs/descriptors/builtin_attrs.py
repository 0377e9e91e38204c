# Builtin types' attributes are member/getset descriptors in the type's dict: function, method, code, generator, traceback, property, module, exception, slice, range
FunctionType = type(lambda: 0)

def names(t, kinds=('getset_descriptor', 'member_descriptor')):
    return sorted((k, type(v).__name__) for k, v in t.__dict__.items() if type(v).__name__ in kinds)

print(names(FunctionType))
print(FunctionType.__dict__['__code__'], FunctionType.__dict__['__globals__'])
print(FunctionType.__code__.__name__, FunctionType.__code__.__qualname__,
      FunctionType.__code__.__objclass__, FunctionType.__globals__.__objclass__)

def f(a, b=2, *, c=3):
    "f's doc"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__,
      f.__closure__, f.__annotations__, f.__dict__)
print(FunctionType.__dict__['__name__'].__get__(f), FunctionType.__dict__['__defaults__'].__get__(f))
f.__doc__ = "new"; print(f.__doc__); del f.__doc__; print(f.__doc__)
f.__defaults__ = (9,); print(f(1), f.__defaults__); f.__defaults__ = None; print(f.__defaults__)
f.__kwdefaults__ = {'c': 4}; print(f.__kwdefaults__); del f.__kwdefaults__; print(f.__kwdefaults__)
f.__annotations__ = {'a': int}; print(f.__annotations__)
f.__qualname__ = "Q.f"; print(repr(f).split(' at ')[0])
f.extra = 1; print(f.__dict__)
for attr, val in [("__code__", 1), ("__name__", 2), ("__qualname__", None), ("__defaults__", [1]),
                  ("__kwdefaults__", 1), ("__annotations__", 2), ("__globals__", {}),
                  ("__closure__", ()), ("__builtins__", {})]:
    try:
        setattr(f, attr, val)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
for attr in ("__name__", "__code__", "__globals__"):
    try:
        delattr(f, attr)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
def outer():
    x = 1
    def inner(): return x
    return inner
try:
    outer().__code__ = f.__code__
except ValueError as e:
    print(e)
try:
    FunctionType.__dict__['__code__'].__get__(1)
except TypeError as e:
    print(e)

# bound methods: __func__ and __self__ are the method's, the rest is the function's
class C:
    def m(self):
        "m's doc"
c = C()
print(type(c.m).__dict__['__func__'], c.m.__func__ is C.m, c.m.__self__ is c,
      c.m.__name__, c.m.__qualname__, c.m.__doc__, c.m.__module__)

# generators, coroutines, async generators
def gen():
    yield 1
g = gen()
print(names(type(g)))
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code.co_name, g.__name__, g.__qualname__)
next(g); print(g.gi_suspended, g.gi_frame is not None)
g.__name__ = "renamed"; print(g.__name__)
try:
    g.__qualname__ = 1
except TypeError as e:
    print(e)
async def coro(): pass
co = coro()
print([n for n in names(type(co)) if n[0] != 'cr_origin'], 'cr_origin' in type(co).__dict__)
print(co.cr_running, co.cr_await, co.cr_origin, co.cr_code.co_name, co.cr_suspended)
co.close()
async def agen():
    yield 1
ag = agen()
print(names(type(ag)))
print(ag.ag_running, ag.ag_await, ag.ag_code.co_name)

# tracebacks
def fail():
    raise ValueError("x")
try:
    fail()
except ValueError as e:
    tb = e.__traceback__
print(sorted(n for n, kind in names(type(tb))))   # tb_frame/tb_lasti/tb_lineno: members in CPython
print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_lasti >= 0, tb.tb_next.tb_next)
inner = tb.tb_next
tb.tb_next = None; print(tb.tb_next)
try:
    inner.tb_next = inner
except ValueError as e:
    print(e)
try:
    tb.tb_next = 5
except TypeError as e:
    print(e)

# property, classmethod, staticmethod
p = property(lambda self: 1, doc="pdoc")
print(names(property), p.fget is not None, p.fset, p.fdel, p.__doc__, p.__isabstractmethod__)
p.__doc__ = "changed"; print(p.__doc__)
def absf(self): pass
absf.__isabstractmethod__ = True
print(property(absf).__isabstractmethod__, classmethod(absf).__isabstractmethod__,
      staticmethod(absf).__isabstractmethod__, staticmethod(f).__isabstractmethod__)
def documented():
    "the doc"
sm, cm = staticmethod(documented), classmethod(documented)
print(sm.__func__ is documented, cm.__wrapped__ is documented, sm.__name__, cm.__qualname__,
      sm.__doc__, sorted(cm.__dict__))
print(names(classmethod), names(staticmethod))

# modules
import sys
M = type(sys)
print(names(M), M.__dict__['__dict__'])
m = M("mod", "mdoc")
print(m.__name__, m.__doc__, m.__annotations__, sorted(m.__dict__))
try:
    m.__dict__ = {}
except AttributeError as e:
    print(e)
m.__getattr__ = lambda name: "made " + name
print(m.anything)
try:
    sys.nothing_here
except AttributeError as e:
    print(e)

# exceptions
print(names(BaseException))
print(names(StopIteration), names(SystemExit), sorted(k for k in ('errno', 'strerror', 'filename', 'filename2') if k in OSError.__dict__))
e = ValueError(1, 2)
print(e.args, e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
e.args = [3]; print(e.args)
e.__cause__ = KeyError(); print(e.__suppress_context__, repr(e.__cause__))
for attr, val in [("args", 5), ("__traceback__", 1), ("__context__", 1), ("__cause__", 1),
                  ("__suppress_context__", 1)]:
    try:
        setattr(e, attr, val)
    except TypeError as x:
        print(x)
for attr in ("args", "__traceback__", "__context__", "__cause__"):
    try:
        delattr(e, attr)
    except TypeError as x:
        print(x)
s = StopIteration(3); print(s.value); s.value = 4; print(s.value); del s.value; print(s.value)
print(SystemExit(2).code, OSError(2, "no").errno, OSError(2, "no").filename,
      ImportError("m", name="n").name, AttributeError("a").obj, NameError("n").name)

# slice and range
print(names(slice), names(range))
print(slice(1, 2, 3).start, slice(5).stop, range(1, 9, 2).step, range(4).start)
for obj, attr in ((slice(1), "start"), (range(3), "stop")):
    try:
        setattr(obj, attr, 0)
    except AttributeError as x:
        print(x)
print(type(slice.__dict__['start']).__name__, slice.start.__name__, range.stop.__objclass__)
