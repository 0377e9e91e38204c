# yield from: values, return value, delegated send/throw/close, plain iterators.
def inner():
    got = []
    try:
        while True:
            x = yield len(got)
            if x is None:
                break
            got.append(x)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
    finally:
        print("inner finally")
    return got

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "outer done"

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))
try:
    next(g)
except StopIteration:
    print("exhausted")

g = outer()
next(g)
print(g.throw(KeyError("k")))
print(g.gi_yieldfrom is not None)
g.close()
print("closed", g.gi_frame is None)

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", range(2))))

def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from depth(n - 1)
    yield f"level {n}"
    return r + 1
d = depth(3)
out = []
while True:
    try:
        out.append(next(d))
    except StopIteration as e:
        print("total", e.value)
        break
print(out)

def plain_iter_send():
    yield from iter([1, 2, 3])
p = plain_iter_send()
next(p)
try:
    p.send(5)
except AttributeError as e:
    print("AttributeError:", e)

def sub():
    try:
        yield 1
    except ValueError:
        return "handled"
def top():
    r = yield from sub()
    yield r
t = top()
next(t)
print(t.throw(ValueError))
