# async with and async for over class-based asynchronous protocols.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            yield f"tick {i}"
        return self.n

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await Sleep(1)
        print("open", self.name)
        return self
    async def __aexit__(self, typ, val, tb):
        await Sleep(1)
        print("close", self.name, typ.__name__ if typ else None)
        return typ is KeyError

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async with Resource("db") as r:
        print("using", r.name, await Sleep(2))
    async with Resource("suppress"):
        raise KeyError("quiet")
    total = 0
    async for v in Counter(4):
        total += v
    print("total", total)
    try:
        async with Resource("loud"):
            raise ValueError("loud")
    except ValueError as e:
        print("caught", e)
    return "main done"

print(run(main()))
c = main()
print(c.send(None))
print(c.cr_await is not None)

class NoAwait:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 5
async def bad():
    async with NoAwait():
        pass
try:
    run(bad())
except TypeError as e:
    print(e)
class BadIter:
    def __aiter__(self):
        return 5
async def bad2():
    async for x in BadIter():
        pass
try:
    run(bad2())
except TypeError as e:
    print(e)
