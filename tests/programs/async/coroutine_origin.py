# coroutine origin tracking: sys.set_coroutine_origin_tracking_depth and cr_origin, and the origin in the never-awaited warning
import gc, sys, warnings

async def corofn():
    pass

def here():
    f = sys._getframe(1)
    return f.f_code.co_filename, f.f_lineno

print(sys.get_coroutine_origin_tracking_depth())
c = corofn()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(1)
fname, lineno = here()
c = corofn()
print(c.cr_origin == ((fname, lineno + 1, "<module>"),))
c.close()
sys.set_coroutine_origin_tracking_depth(2)

def nested():
    return (here(), corofn())

fname, lineno = here()
((nf, nl), c) = nested()
print(c.cr_origin == ((nf, nl, "nested"), (fname, lineno + 1, "<module>")))
c.close()
sys.set_coroutine_origin_tracking_depth(1000)
c = corofn()
print(len(c.cr_origin))
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
print(sys.get_coroutine_origin_tracking_depth())


def a1():
    return corofn()  # comment in a1


def a2():
    return a1()  # comment in a2


def gen():
    yield


for depth in (0, 1, 2):
    sys.set_coroutine_origin_tracking_depth(depth)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        a2()
        gen()           # overwrites what pvm's loop last held (a conservative collector)
        gc.collect()
        for x in w:
            print(str(x.message).replace(corofn.__code__.co_filename, "FILE"))
sys.set_coroutine_origin_tracking_depth(0)
