# generator introspection (gi_running, gi_code) and a counter driven by send()
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_code.co_name)
next(gen)
print(list(gen), gen.gi_running)
def me():
    yield gen2.gi_running
gen2 = me()
print(next(gen2))
print(g.__name__, g().__qualname__, gen.__name__)
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd == "stop":
            return n
        else:
            n += 1
c = counter()
print(next(c), c.send(None), c.send(None), c.send("reset"), c.send(None))
try:
    c.send("stop")
except StopIteration as e:
    print("stopped with", e.value)
try:
    c.send(None)
except StopIteration as e:
    print("again:", e.value)
def gen_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally when closed early")
for x in gen_finally():
    print(x)
gf = gen_finally()
print(next(gf))
gf.close()
print("after close")
