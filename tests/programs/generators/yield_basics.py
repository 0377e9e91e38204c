# generator functions: lazy execution, state between yields, exhaustion, generator objects
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("finished")
g = count_up(3)
print(type(g).__name__, g.__name__)
print("created, nothing ran yet")
print(next(g))
print(next(g))
print(list(g))
print(list(g), next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def empty():
    return
    yield
print(list(empty()))
def mixed():
    yield 1
    yield "two"
    yield [3]
    yield from ()
print(list(mixed()))
def gen_with_locals(words):
    total = 0
    for w in words:
        total += len(w)
        yield w, total
for item in gen_with_locals(["ab", "cde", "f"]):
    print(item)
print(sum(x * x for x in count_up(4)))
def yield_expr_value():
    x = yield
    print("received", x)
ge = yield_expr_value()
next(ge)
try:
    ge.send("hello")
except StopIteration:
    print("StopIteration after last yield")
