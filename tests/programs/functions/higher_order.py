# higher-order functions written by hand: compose, partial, curry, reduce, pipe, flip
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
def partial(f, *args, **kw):
    def p(*more, **kwmore):
        return f(*args, *more, **{**kw, **kwmore})
    return p
def curry(f, n):
    def c(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: c(*args, *more)
    return c
def reduce(f, it, init=None):
    it = iter(it)
    acc = next(it) if init is None else init
    for x in it:
        acc = f(acc, x)
    return acc
def flip(f):
    return lambda a, b: f(b, a)
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
pow2 = partial(pow, 2)
print(pow2(10), partial(print, sep="-")("a", "b"))
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + [b], "abc", []))
print(flip(pow)(2, 10), flip(lambda a, b: a - b)(1, 10))
apply_n = lambda f, n: compose(*[f] * n)
print(apply_n(dbl, 10)(1))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
print(reduce(lambda acc, f: f(acc), pipeline, "  Hello Big World  "))
print(sorted(["b", "A", "c"], key=compose(str.lower)), list(map(partial(int, base=2), ["101", "11"])))
