# Async generators: async for, asend/athrow/aclose, async comprehensions.
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("suspended")

async def ticker(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("ticker got", got)
    finally:
        print("ticker finally")

async def consume():
    total = 0
    async for v in ticker(4):
        total += v
    return total
print(run(consume()))

async def comp():
    return [v * v async for v in ticker(3) if v]
print(run(comp()))

async def manual():
    agen = ticker(5)
    print(await agen.__anext__())
    print(await agen.asend("hello"))
    try:
        await agen.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    agen2 = ticker(5)
    await agen2.__anext__()
    await agen2.aclose()
    print("closed")
    return "manual done"
print(run(manual()))

a = ticker(1)
print(type(a).__name__, a.__name__, repr(a).split(" at ")[0])
print(a.ag_running, a.ag_frame is not None)

async def early_break():
    async for v in ticker(10):
        if v == 2:
            break
    return v
print(run(early_break()))

async def bad():
    async for x in [1, 2]:
        pass
try:
    run(bad())
except TypeError as e:
    print(e)
