# async functions returning values through several await levels; recursion via await; exception mapping
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield ("need", self.v)
        return self.v * 2
async def fetch(k):
    v = await Ready(k)
    if v > 10:
        raise LookupError("value %d too large" % v)
    return v
async def fetch_all(keys):
    out = {}
    for k in keys:
        try:
            out[k] = await fetch(k)
        except LookupError as e:
            out[k] = str(e)
    return out
async def fact(n):
    return 1 if n <= 1 else n * await fact(n - 1)
def run(coro):
    trace = []
    try:
        while True:
            trace.append(coro.send(None))
    except StopIteration as e:
        return e.value, trace
print(run(fetch_all([1, 3, 7])))
print(run(fact(20)))
async def conditional(flag):
    if flag:
        return await Ready(21)
    return "skipped"
print(run(conditional(True)), run(conditional(False)))
unused = fact(1)
print(type(fact).__name__, fact.__name__, unused.__class__.__name__)
unused.close()
c = fact(3)
print(c.cr_running, c.cr_code.co_name)
print(run(c)[0])
