# aiter() and anext(), with and without a default: the anext_awaitable turns StopAsyncIteration into the default
import asyncio
async def agen():
    yield 1
    yield 2
class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n
async def main():
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g), await anext(g, 'end'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')
    it = AIt()
    print(await anext(it, 'd'), await anext(it), await anext(it, 'd'))
    for bad in (1, [1]):
        for f in (aiter, anext):
            try: f(bad)
            except TypeError as e: print(e)
    try: anext()
    except TypeError as e: print(e)
    a = anext(agen(), 5)
    print(type(a).__name__)
    print(a.send(None) if False else 'ok')
asyncio.run(main())
async def coro_default():
    class CoroNext:
        def __aiter__(self): return self
        async def __anext__(self): raise StopAsyncIteration
    print(await anext(CoroNext(), 'via coroutine'))
    aw = anext(agen(), 0)
    print(next(iter(aw.__await__())) if False else 'skip')
    try:
        anext(agen(), 1, 2)
    except TypeError as e:
        print(e)
asyncio.run(coro_default())
