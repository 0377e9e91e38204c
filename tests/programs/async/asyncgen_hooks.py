# PEP 525 hooks: asyncio.run closes unfinished async generators (firstiter registers them), a firstiter hook sees each generator's first step
import asyncio, sys

async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print('finally of', name)
        await asyncio.sleep(0)
        print('closed', name)

async def broken():
    try:
        yield 1
        yield 2
    finally:
        1 / 0

kept = []
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: print('handler:', ctx['message'].split(' <')[0], type(ctx['exception']).__name__))
    t = ticker('t')
    kept.append(t)
    async for i in t:
        if i == 2:
            break
    b = broken()
    kept.append(b)
    async for i in b:
        break
    print('main done')

asyncio.run(main())
print(sys.get_asyncgen_hooks())

seen = []
def firstiter(agen):
    seen.append(agen.__name__)
sys.set_asyncgen_hooks(firstiter=firstiter)
async def g():
    yield 1
async def use():
    async for x in g():
        pass
    agen = g()
    await agen.asend(None)
    await agen.aclose()
c = use()
try:
    c.send(None)
except StopIteration:
    pass
print(seen)
def bad(agen):
    raise ValueError('no first')
sys.set_asyncgen_hooks(firstiter=bad)
try:
    g().__anext__()
except ValueError as e:
    print('firstiter raised', e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
