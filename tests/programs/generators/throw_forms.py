# generator.throw(): class, class + value, instance, tuple args; on fresh and finished generators.
def g():
    while True:
        try:
            yield "ready"
        except Exception as e:
            print("got", type(e).__name__, e.args)

x = g()
next(x)
x.throw(ValueError)
x.throw(ValueError, "msg")
x.throw(ValueError, ("a", "b"))
x.throw(ValueError("inst"))
x.throw(KeyError, KeyError("same"))
try:
    x.throw(ValueError("v"), "extra")
except TypeError as e:
    print(e)
try:
    x.throw(5)
except TypeError as e:
    print(e)
try:
    x.throw(int)
except TypeError as e:
    print(e)

fresh = g()
try:
    fresh.throw(IndexError("early"))
except IndexError as e:
    print("fresh raised", e)
print(fresh.gi_frame is None)
try:
    next(fresh)
except StopIteration:
    print("fresh is finished")

def done():
    yield 1
d = done()
list(d)
try:
    d.throw(OSError("late"))
except OSError as e:
    print("finished raised", e)

def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
s = swallow()
next(s)
s.close()
s.close()
print("closed twice fine")

def ret_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = ret_on_exit()
next(r)
print(r.close())
