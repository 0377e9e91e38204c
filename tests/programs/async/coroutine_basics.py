# Coroutines driven by send(None): await chains, async generators in async for.
async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    print("x, y =", x, y)
    return y * 2

c = main()
print(type(c).__name__, c.__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def agen(n):
    for i in range(n):
        yield i * 10

async def use():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
u = use()
try:
    u.send(None)
except StopIteration as e:
    print(e.value)

async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print(e)
