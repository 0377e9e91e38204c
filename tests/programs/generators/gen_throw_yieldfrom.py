# throw() and close() forwarded through yield from chains to the innermost generator
def inner():
    try:
        yield "i1"
        yield "i2"
    except KeyError as e:
        print("inner handled", repr(e))
        yield "i-recovered"
    finally:
        print("inner finally")
    return "inner-ret"
def middle():
    r = yield from inner()
    print("middle got", r)
    yield "m-after"
def outer():
    try:
        yield from middle()
    except ValueError as e:
        print("outer handled", repr(e))
        yield "o-recovered"
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "end"))
g = outer()
print(next(g))
print(g.throw(ValueError("v")))
g.close()
print("---")
g = outer()
next(g)
g.close()
print("closed chain")
def echo():
    while True:
        x = yield
        print("echo", x)
def delegator():
    yield from echo()
d = delegator()
next(d)
d.send(1)
d.send("two")
d.close()
print("done")
