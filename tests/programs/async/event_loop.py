# a tiny round-robin event loop for coroutines with a hand-made yield-to-scheduler awaitable
class Yield:
    def __await__(self):
        yield "yield"
class Loop:
    def __init__(self):
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print("[loop]", name, "done ->", e.value)
            else:
                self.ready.append((name, coro))
async def countdown(label, n):
    while n:
        print(label, n)
        n -= 1
        await Yield()
    return label + " liftoff"
async def summer(values):
    total = 0
    for v in values:
        total += v
        await Yield()
    return total
async def parent():
    a = await countdown("inner", 2)
    b = await summer([1, 2, 3])
    return (a, b)
loop = Loop()
loop.spawn("c1", countdown("A", 3))
loop.spawn("c2", countdown("B", 1))
loop.spawn("sum", summer(range(5)))
loop.spawn("parent", parent())
loop.run()
print(sorted(loop.results.items()))
