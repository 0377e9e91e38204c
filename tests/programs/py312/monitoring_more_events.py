# sys.monitoring: STOP_ITERATION (for loop and yield from over a generator), PY_THROW (throw, close), RERAISE (finally, bare raise, with), CALL of f(*a)/f(**k) (3.12: only for builtins) with their offsets
import sys
M = sys.monitoring
E = M.events
TOOL = 3
M.use_tool_id(TOOL, "test")
log = []
def name(code):
    return code.co_name
def cb(event):
    def f(code, offset, *rest):
        if code.co_filename == HERE:
            shown = []
            for r in rest:
                if isinstance(r, BaseException):
                    shown.append(type(r).__name__ + repr(r.args))
                elif r is M.MISSING:
                    shown.append('MISSING')
                elif isinstance(r, (int, str, tuple, list, dict)):
                    shown.append(repr(r))
                else:
                    shown.append(getattr(r, '__name__', type(r).__name__))
            if event == 'CALL' and name(code) != 'run':
                return
            at = offset if event in ('STOP_ITERATION', 'PY_THROW', 'RERAISE', 'CALL') else ''
            log.append((event, name(code), at, *shown))
    return f
for ev in ('STOP_ITERATION', 'PY_THROW', 'RERAISE', 'CALL', 'RAISE', 'PY_UNWIND', 'EXCEPTION_HANDLED'):
    M.register_callback(TOOL, getattr(E, ev), cb(ev))

HERE = cb.__code__.co_filename
def target(*a, **k):
    return len(a) + len(k)
def gen():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'caught'
    return 'done'
def sub():
    r = yield from gen()
    return r
def reraiser():
    try:
        raise ValueError('v')
    finally:
        pass
def reraiser2():
    try:
        raise TypeError('t')
    except TypeError:
        raise
def with_ctx():
    class C:
        def __enter__(self): return self
        def __exit__(self, *a): return False
    with C():
        raise IndexError('i')

class AIt:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise ValueError('from anext')
        return self.n
async def leaf():
    return 'leaf'
async def coro():
    v = await leaf()
    try:
        async for x in AIt():
            pass
    except ValueError:
        pass
    return v
def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def run():
    args, kw = (1, 2), {'x': 3}
    target(*args)
    target(**kw)
    target(*args, **kw)
    print.__call__(*args, sep='-')
    for x in gen():
        pass
    list(sub())
    g = gen()
    next(g)
    print(g.throw(KeyError('k')))
    g.close()
    g2 = gen()
    next(g2)
    try:
        g2.throw(ZeroDivisionError)
    except ZeroDivisionError:
        pass
    s = sub()
    next(s)
    print(s.throw(KeyError('k2')))
    s.close()
    for f in (reraiser, reraiser2, with_ctx):
        try:
            f()
        except Exception as e:
            pass
    it = iter([1])
    print(next(it), next(it, 'end'))
    print(drive(coro()))
    def gen_none():
        yield 1
    for x in gen_none():
        pass
    g3 = gen()
    print(list(zip([1, 2], g3)))
    g3.close()

M.set_events(TOOL, E.STOP_ITERATION | E.PY_THROW | E.RERAISE | E.CALL | E.RAISE | E.PY_UNWIND | E.EXCEPTION_HANDLED)
run()
M.set_events(TOOL, 0)
for entry in log:
    print(*entry)
M.free_tool_id(TOOL)
