# contextvars (_contextvars): ContextVar get/set/reset, Token, Context mapping, run, copy_context, threads, errors
import contextvars
import _thread
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, w.name, v.get(), v.get(5), w.get('dflt'))

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r)
    except Exception as e:
        msg = str(e)
        if ' at 0x' in msg:
            msg = msg[:msg.index(' at 0x')]
        print(type(e).__name__, msg, bool(e.args and e.args[0] is w))

err(w.get)
t = w.set(10)
print(w.get(), t.var is w, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = w.set(20)
print(w.get(), t2.old_value)
w.reset(t2)
print(w.get())
w.reset(t)
err(w.get)
err(w.reset, t)
t3 = v.set(2)
err(w.reset, t3)
err(v.reset, 'tok')
v.reset(t3)

# copies are independent
ctx = copy_context()
print(type(ctx).__name__, v in ctx, w in ctx, len(ctx))
def inside(x):
    v.set(x)
    w.set(x * 2)
    return v.get() + w.get()
print(ctx.run(inside, 7), v.get(), ctx[v], ctx[w], len(ctx))
print(sorted(var.name for var in ctx), sorted(ctx.values()))
print(sorted((k.name, val) for k, val in ctx.items()), sorted(k.name for k in ctx.keys()))
print(ctx.get(v), ctx.get(ContextVar('x')), ctx.get(ContextVar('x'), 'd'))
c2 = ctx.copy()
print(c2 == ctx, c2 != ctx, c2 is ctx)
c2.run(v.set, 99)
print(c2[v], ctx[v], c2 == ctx)
err(ctx.__getitem__, ContextVar('nope'))
err(ctx.__getitem__, 1)
err(ctx.get, 'v')
err(ctx.run)
err(ctx.run, len, [1, 2])
print(ctx.run(lambda *a, **k: (a, k), 1, b=2))
def reenter():
    ctx.run(print, 'never')
err(ctx.run, reenter)
t4 = ctx.run(w.set, 5)
err(w.reset, t4)
ctx.run(w.reset, t4)
print(w in ctx, ctx[w] if w in ctx else None)

# an empty context, and errors
e = Context()
print(len(e), list(e), e.get(v), e.run(v.get))
err(Context, 1)
err(Token)
err(ContextVar)
err(ContextVar, 1)
err(ContextVar, 'a', 'b')
err(ContextVar, 'a', x=1)
err(v.get, 1, 2)
err(v.get, default=3)
err(v.set)
err(v.reset)
err(copy_context, 1)
err(hash, ctx)
err(setattr, v, 'name', 'z')
try:
    class Sub(ContextVar):
        pass
except TypeError as ex:
    print(ex)
print(ContextVar[int], Token[str])
print(repr(ContextVar('r', default=[1]))[:30], repr(t4)[:12])

# each thread has its own context
v.set('main')
seen = []
def worker():
    seen.append(v.get())
    v.set('thread')
    seen.append(v.get())
done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(lambda: (worker(), done.release()), ())
done.acquire()
print(seen, v.get())

# exceptions propagate out of run() and leave the context
def boom():
    v.set('boom')
    raise KeyError('k')
c3 = copy_context()
try:
    c3.run(boom)
except KeyError as ex:
    print('caught', ex, v.get(), c3[v])
print(c3.run(c3.copy().run, v.get))
