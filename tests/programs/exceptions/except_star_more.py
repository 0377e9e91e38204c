# except* clauses: splitting, re-raising and combining exception groups
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print("v")
        raise
    except* TypeError as e:
        print("t", e.exceptions)
        raise RuntimeError("from handler")
try:
    f()
except BaseException as e:
    print(type(e).__name__, e, [repr(x) for x in e.exceptions])
    for x in e.exceptions:
        print(" ", repr(x), repr(getattr(x, "exceptions", None)), repr(x.__context__))
try:
    try:
        raise TypeError("plain")
    except* ValueError:
        print("no")
except TypeError as e:
    print("passed through:", e)
try:
    try:
        raise ExceptionGroup("all", [ValueError(1)])
    except* ValueError:
        pass
    print("fully handled")
except Exception as e:
    print("unexpected", e)
try:
    try:
        raise ValueError("x")
    except* (ExceptionGroup):
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError("x")
    except* int:
        pass
except TypeError as e:
    print(e)
def h():
    raise ExceptionGroup("uncaught", [ValueError("a"), ExceptionGroup("sub", [KeyError("b")])])
h()
