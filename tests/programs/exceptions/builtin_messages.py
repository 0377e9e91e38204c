# args, str() and repr() of many builtin exceptions, including ones raised by the runtime
samples = [
    ValueError(), ValueError("one"), ValueError("a", 2), KeyError("key"), KeyError(),
    KeyError(1, 2), IndexError("i"), TypeError(None), StopIteration(5), SystemExit(2),
    OSError(2, "No such file"), AttributeError("attr"), Exception([1, 2]),
    RuntimeError(""), ZeroDivisionError("zero"), AssertionError(), UnicodeError("u"),
]
for e in samples:
    print(type(e).__name__, e.args, "str=%r" % str(e), "repr=%s" % repr(e))
print(StopIteration(5).value, StopIteration().value, SystemExit(2).code, SystemExit().code)
def cap(f):
    try:
        f()
    except Exception as e:
        print("%s: %s | %r" % (type(e).__name__, e, e.args))
cap(lambda: 1 / 0)
cap(lambda: 1 % 0)
cap(lambda: 1.0 / 0)
cap(lambda: divmod(1, 0))
cap(lambda: [1][5])
cap(lambda: (1,)[5])
cap(lambda: "ab"[9])
cap(lambda: {"a": 1}["b"])
cap(lambda: {(1, 2): 1}[(3, 4)])
cap(lambda: int("12a"))
cap(lambda: float("x1"))
cap(lambda: [].pop())
cap(lambda: {}.popitem())
cap(lambda: [1].remove(2))
cap(lambda: "abc".index("z"))
cap(lambda: len(5))
nothing = None
cap(lambda: nothing())
cap(lambda: "a" * "b")
cap(lambda: [] < 1)
cap(lambda: (1).foo)
cap(lambda: chr(-1))
cap(lambda: ord("ab"))
cap(lambda: 2 ** 10000 * 1.0)
cap(lambda: int("9" * 5000))
cap(lambda: set().pop())
cap(lambda: next(iter([])))
cap(lambda: abs("x"))
