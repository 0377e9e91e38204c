# ExceptionGroup and except*: splitting by type, nested groups, subgroup/split methods
def fail_all():
    raise ExceptionGroup("batch failed", [ValueError("bad value"), TypeError("bad type"), ValueError("worse")])
try:
    fail_all()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], eg.message)
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError(1), KeyError("j")])])
print(repr(eg.exceptions[0]), type(eg.exceptions[1]).__name__, str(eg))
match_, rest = eg.split(KeyError)
print(match_, [repr(e) for e in match_.exceptions], rest)
sub = eg.subgroup(IndexError)
print(sub, repr(sub.exceptions[0].exceptions[0]))
print(eg.subgroup(ZeroDivisionError))
try:
    try:
        raise ExceptionGroup("g", [OSError("disk"), RuntimeError("rt")])
    except* OSError:
        print("handled OSError part")
except ExceptionGroup as left:
    print("left over:", [repr(e) for e in left.exceptions])
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", type(g).__name__, repr(g.exceptions[0]))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
