# generator send(), throw() and close(): accumulators, error injection, GeneratorExit
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
print(a.send(None))
for v in [10, 20, 60]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("generator caught", e)
        yield "recovered"
    finally:
        print("generator cleanup")
x = g()
print(next(x))
print(x.throw(ValueError("injected")))
x.close()
print("closed")
y = g()
print(next(y))
try:
    y.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(y, "y is exhausted"))
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closer()
next(c)
c.close()
c.close()
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"
b = bad_closer()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = g()
try:
    fresh.send("x")
except TypeError as e:
    print("TypeError:", e)
fresh.close()
print("closing an unstarted generator runs nothing")
