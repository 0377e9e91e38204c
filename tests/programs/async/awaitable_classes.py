# awaitable classes with __await__ (a generator), suspension points seen by the driver
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            yield "tick %d/%d" % (i + 1, self.ticks)
        return "slept %d" % self.ticks
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        if False:
            yield
        return self.v
async def worker():
    a = await Sleep(2)
    print("worker:", a)
    b = await Value(42)
    print("worker value:", b)
    c = await Sleep(1)
    return [a, b, c]
def drive(coro):
    step = 0
    while True:
        try:
            signal = coro.send(None)
        except StopIteration as e:
            print("result after", step, "suspensions:", e.value)
            return e.value
        step += 1
        print("driver saw:", signal)
drive(worker())
class Bad:
    def __await__(self):
        return 5
async def use_bad():
    await Bad()
try:
    drive(use_bad())
except TypeError as e:
    print("TypeError:", e)
async def use_int():
    await 3
try:
    drive(use_int())
except TypeError as e:
    print("TypeError:", e)
