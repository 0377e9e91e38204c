# A round-robin scheduler of coroutines using a class-based awaitable.
class Yield:
    def __await__(self):
        yield

async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} finished"

def schedule(coros):
    results = []
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results

log = []
print(schedule([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)

class Future:
    def __init__(self):
        self.done = False
        self.value = None
    def set(self, v):
        self.done = True
        self.value = v
    def __await__(self):
        while not self.done:
            yield self
        return self.value

async def waiter(f):
    v = await f
    return v * 2
f = Future()
w = waiter(f)
print(w.send(None) is f)
print(w.send(None) is f)
f.set(21)
try:
    w.send(None)
except StopIteration as e:
    print("result", e.value)

async def thrower(f):
    try:
        await f
    except ValueError as e:
        return "handled " + str(e)
t = thrower(Future())
t.send(None)
try:
    t.throw(ValueError("injected"))
except StopIteration as e:
    print(e.value)
t2 = thrower(Future())
t2.send(None)
t2.close()
print("closed", t2.cr_frame)
async def twice(f):
    return await f
c1 = twice(f)
try:
    c1.send(None)
except StopIteration as e:
    print("awaited completed future", e.value)
