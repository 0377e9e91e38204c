# a coroutine collected before it ever ran warns: "coroutine '...' was never awaited"
import gc, sys, warnings

async def corofn():
    return 1

def gen():
    yield


def show(w):
    for x in w:
        print(x.category.__name__, x.message)


def drop_unawaited():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        c = corofn()
        del c
        # pvm's collector is conservative: a word or a register of the
        # loop's C frame that last held the coroutine would keep it alive;
        # making another generator and calling a Python function overwrite it
        gen()
        [0 for _ in range(2)]
        gc.collect()
        show(w)

drop_unawaited()

# awaited, closed, or started: no warning
async def main():
    return await corofn()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = main()
    try:
        c.send(None)
    except StopIteration as e:
        print("result", e.value)
    c2 = corofn()
    c2.close()
    del c, c2
    gc.collect()
    show(w)

# the warning as an error: reported as unraisable, with the coroutine
caught = []
sys.unraisablehook = lambda u: caught.append((u.exc_type.__name__, str(u.exc_value), u.object.__qualname__))
with warnings.catch_warnings():
    warnings.filterwarnings("error")
    c = corofn()
    c = None
    [0 for _ in range(2)]
    gc.collect()
print(caught)

# warnings._warn_unawaited_coroutine broken: its error is unraisable, then the plain warning
caught.clear()
orig = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
drop_unawaited()
print(caught)
del warnings._warn_unawaited_coroutine
drop_unawaited()
warnings._warn_unawaited_coroutine = orig
print("done")
