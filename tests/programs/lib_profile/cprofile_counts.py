# cProfile and _lsprof with a counting timer: call counts, recursion, callers/callees, getstats, options
import cProfile, pstats, io, sys, _lsprof

clock = iter(range(10**9))
def tick():
    return next(clock)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Shape:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side

def work():
    out = []
    for i in range(6):
        out.append(fib(i))
    shapes = [Shape(s) for s in out]
    total = sum(s.area() for s in shapes)
    "-".join(str(x) for x in sorted(out, key=abs))
    return len(out), total

def show(prof, *keys):
    s = io.StringIO()
    st = pstats.Stats(prof, stream=s).strip_dirs().sort_stats(*keys)
    st.print_stats()
    st.print_callers("fib|area")
    st.print_callees("work")
    print(s.getvalue())

print(_lsprof.Profiler, _lsprof.profiler_entry, _lsprof.profiler_subentry)
print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)

p = cProfile.Profile(tick)
p.enable()
print("installed:", sys.getprofile() is p)
result = work()
p.disable()
print("result", result, "after:", sys.getprofile())
show(p, "calls", "stdname")

def name(code):
    return code if isinstance(code, str) else code.co_name

def where(e):
    return (name(e.code), 0 if isinstance(e.code, str) else e.code.co_firstlineno)

def sub_calls(e):
    # None without sub-call records; else (name, calls, recursive calls),
    # sorted: a profiler_subentry's repr names its code object by address
    if e.calls is None:
        return None
    return sorted((name(c.code), c.callcount, c.reccallcount) for c in e.calls)

for e in sorted(p.getstats(), key=where):
    print(name(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime, sub_calls(e) or [])

# no sub-calls, no builtins, an integer timer scaled by timeunit
p2 = _lsprof.Profiler(tick, 0.5, subcalls=False, builtins=False)
p2.enable()
work()
p2.disable()
for e in sorted(p2.getstats(), key=where):
    print(name(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime, sub_calls(e))
p2.clear()
print("cleared:", p2.getstats())

# as a context manager, and runctx
with cProfile.Profile(tick) as p3:
    fib(4)
print(sorted((name(e.code), e.callcount) for e in p3.getstats()))
p4 = cProfile.Profile(tick)
p4.runctx("fib(3)", globals(), locals())
print(sorted((name(e.code), e.callcount) for e in p4.getstats()))

# a subclass with its own __init__
class Counting(_lsprof.Profiler):
    def __init__(self):
        super().__init__(tick, builtins=False)
        self.label = "counting"
c = Counting()
c.enable(); fib(3); c.disable()
print(c.label, sorted((name(e.code), e.callcount) for e in c.getstats()))

# a timer that fails is reported as unraisable, and profiling goes on
def report(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, u.object.__name__)
sys.unraisablehook = report
def bad_timer():
    return "soon"
p5 = _lsprof.Profiler(bad_timer)
p5.enable(); len([]); p5.disable()
print(sorted((name(e.code), e.callcount) for e in p5.getstats()))

for args, kw in [((1, 2, 3, 4, 5), {}), ((), {"timer": tick, "bogus": 1}), ((tick, "x"), {})]:
    try:
        _lsprof.Profiler(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
