# Generators resumed by throw() and close() under sys.settrace and sys.setprofile: the "call" event of the resumed frame, the exception and return that follow, and (3.12 on) close() of a generator stopped where nothing would run
import sys

events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("plain", "guarded", "delegating", "catching"):
        exc = arg[0].__name__ if event == "exception" else None
        events.append((frame.f_code.co_name, frame.f_lineno, event, exc))
    return tracer

def profiler(frame, event, arg):
    if event in ("call", "return"):
        events.append((frame.f_code.co_name, event))

def plain():
    yield 1
    yield 2

def guarded():
    try:
        yield 1
    finally:
        print("guarded cleans up")

def catching():
    while True:
        try:
            yield 1
        except ValueError as e:
            print("caught", e)

def delegating():
    yield from guarded()

def run(hook, setter):
    g = plain(); next(g)
    h = guarded(); next(h)
    c = catching(); next(c)
    d = delegating(); next(d)
    u = plain()                         # never started
    setter(hook)
    g.close()
    h.close()
    print("throw gives", c.throw(ValueError("boom")))
    try:
        c.throw(KeyError("out"))
    except KeyError as e:
        print("escaped", e)
    d.close()
    u.close()
    g.close()                           # already closed
    setter(None)
    for e in events:
        print(e)
    events.clear()

run(tracer, sys.settrace)
run(profiler, sys.setprofile)

# A trace function that raises at the throw's "call" event: its exception
# replaces the thrown one
def bad_tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "catching":
        raise RuntimeError("from the tracer")
    return None
c = catching(); next(c)
sys.settrace(bad_tracer)
try:
    c.throw(ValueError("thrown"))
except Exception as e:
    print(type(e).__name__, e)
finally:
    sys.settrace(None)
print(sys.gettrace())
