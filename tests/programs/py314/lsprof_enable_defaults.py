# 3.14's _lsprof: enable() turns subcalls and builtins on unless told otherwise (Profiler(subcalls=False, builtins=False) lasts until then); a timer returning a str is "cannot be interpreted as an integer or float", reported with no object
import _lsprof, sys
clock = iter(range(10**9))
def tick(): return next(clock)
def f(): return len([1])
def g(): return f()
def entries(p):
    return sorted((e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.calls is None)
                  for e in p.getstats())
p = _lsprof.Profiler(tick, subcalls=False, builtins=False)
p.enable(); g(); p.disable()
print(entries(p))
p = _lsprof.Profiler(tick, subcalls=False, builtins=False)
p.enable(subcalls=False); g(); p.disable()
print(entries(p))
p = _lsprof.Profiler(tick)
p.enable(builtins=False, subcalls=False); g(); p.disable()
print(entries(p))
def report(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, u.object, u.err_msg.split(' at ')[0])
sys.unraisablehook = report
p5 = _lsprof.Profiler(lambda: "soon")
p5.enable(); len([]); p5.disable()
