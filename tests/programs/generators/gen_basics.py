# Generators: next/send/throw/close, yield from, PEP 479, attributes and messages.
def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("got", x)
    return "done"

g = gen(3)
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print([v for v in gen(5)])
print(sum(x * x for x in range(10)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def deleg():
    r = yield from gen(2)
    print("r =", r)
    yield from [10, 20]
print(list(deleg()))
print(type(g).__name__, g.__name__, g.__qualname__)
g2 = gen(2)
print(g2.gi_running, g2.gi_frame is None)
for _ in g2: pass
print(g2.gi_frame is None)
try:
    gen(1).send(5)
except TypeError as e:
    print(e)
def t():
    try:
        yield 1
    except ValueError as e:
        print("caught", repr(e))
        yield 2
    finally:
        print("finally")
x = t()
next(x)
print(x.throw(ValueError("boom")))
x.close()
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
def ig():
    try:
        yield 1
    except GeneratorExit:
        yield 2
y = ig(); next(y)
try:
    y.close()
except RuntimeError as e:
    print(e)
def me():
    yield next(z)
z = me()
try:
    next(z)
except ValueError as e:
    print(e)
