# frame.clear() on the frame of a coroutine that never ran warns that it
# was never awaited, as CPython's _PyGen_Finalize does (test_coroutines
# test_bpo_45813_2); the __name__/__qualname__ descriptors of generators,
# coroutines and async generators have CPython's docs (test_corotype_1).
import types
import warnings

async def f():
    pass

c = f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c.cr_frame.clear()
print([(x.category.__name__, str(x.message)) for x in w])
c.close()

def g():
    yield 1

gen = g()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    gen.gi_frame.clear()
print(len(w), list(gen))

async def started():
    await types.coroutine(lambda: (yield))()

c = started()
c.send(None)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c.close()
print(len(w))

for t in (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType):
    for name in ("__name__", "__qualname__"):
        print(t.__name__, name, t.__dict__[name].__doc__)
