# async context managers and async iterators driven by hand (async with / async for)
class Pause:
    def __await__(self):
        yield "pause"
class Session:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        await Pause()
        return self
    async def __aexit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return et is KeyError
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Pause()
        return self.i
async def main():
    async with Session("s1") as s:
        print("inside", s.name)
    async with Session("s2"):
        raise KeyError("suppressed by __aexit__")
    total = 0
    async for t in Ticker(4):
        print("tick", t)
        total += t
    return total
coro = main()
pauses = 0
while True:
    try:
        coro.send(None)
        pauses += 1
    except StopIteration as e:
        print("result", e.value, "pauses", pauses)
        break
async def agen():
    for i in range(3):
        await Pause()
        yield i * i
async def consume():
    return [x async for x in agen()]
c = consume()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print("async comprehension:", e.value)
