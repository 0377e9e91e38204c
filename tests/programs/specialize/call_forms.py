# CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS, PRECALL_PYFUNC and the PRECALL_NO_KW forms: __defaults__ and __code__ replaced, builtins shadowed, list subclasses, wrong argument counts, recursion
import builtins


def f(a, b):
    return a * 10 + b


def g(a, b=2, c=3):
    return (a, b, c)


def h(a, b):
    return "h", a, b


def run(fn, *args):
    try:
        return fn(*args)
    except TypeError as e:
        return "TypeError: " + str(e)


out = []
for i in range(6):
    out.append(f(i, 1))
    out.append(g(i))
    out.append(g(i, 5))
    if i == 2:
        g.__defaults__ = (20, 30)
    if i == 3:
        f.__code__ = h.__code__
    if i == 4:
        g.__defaults__ = None
        try:
            g(i)
        except TypeError as e:
            out.append(str(e))
print(out)


def call_with(fn, n):
    return [fn(i) for i in range(n)]


print(call_with(lambda x: x * 2, 3), call_with(str, 3), call_with(len.__call__, 0))
try:
    call_with(lambda: 0, 2)
except TypeError as e:
    print("TypeError:", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)


class Meth:
    def m(self, x, y=1):
        return x + y


o = Meth()
print([o.m(i) + o.m(i, 2) for i in range(5)])
bound = o.m
print([bound(i) for i in range(3)])

# Builtins called through the PRECALL forms, then shadowed.
data = [[1, 2], "abc", (1,), {}, range(7)]
lens = []
for i in range(10):
    lens.append(len(data[i % 5]))
    if i == 6:
        len = lambda x: -1
print(lens)
del len
kinds = []
for i, v in enumerate([1, "a", 2.0, True, None, [1], 3]):
    kinds.append((isinstance(v, int), isinstance(v, (str, float)), type(v).__name__))
    if i == 4:
        builtins.isinstance = lambda a, b: "patched"
print(kinds)
del builtins.isinstance
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)


class Tracker(list):
    def append(self, x):
        list.append(self, ("tracked", x))


for target in ([], Tracker()):
    for i in range(3):
        target.append(i)
    print(target)
words = []
for w in ["a", "b", 1, "c"]:
    try:
        words.append("-".join([w, w]))
    except TypeError as e:
        words.append("TypeError: " + str(e))
print(words, [max(i, 3) for i in range(6)], [divmod(i, 3) for i in range(4)])
print(run(str.upper, 1), run(str.upper, "x"), run(abs), run(min, 1, 2, key=None))
