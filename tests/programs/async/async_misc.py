# coroutine objects: awaiting other coroutines in loops, exceptions through await, throw()
class Pause:
    def __await__(self):
        got = yield "paused"
        return got
async def pipeline(items):
    out = []
    for it in items:
        reply = await Pause()
        out.append((it, reply))
    return out
c = pipeline(["a", "b"])
print(c.send(None))
print(c.send("first reply"))
try:
    c.send("second reply")
except StopIteration as e:
    print("result:", e.value)
async def guarded():
    try:
        await Pause()
    except KeyError as e:
        print("coroutine caught", repr(e))
        return "recovered"
g = guarded()
g.send(None)
try:
    g.throw(KeyError("thrown in"))
except StopIteration as e:
    print("returned", e.value)
async def cleanup():
    try:
        await Pause()
    finally:
        print("cleanup on close")
cl = cleanup()
cl.send(None)
cl.close()
async def square(x):
    return x * x
async def gather(*coros):
    return [await c for c in coros]
run = gather(square(2), square(3), square(4))
try:
    run.send(None)
except StopIteration as e:
    print(e.value)
async def with_async_lambda_style():
    results = []
    for f in (square, square):
        results.append(await f(len(results) + 5))
    return results
w = with_async_lambda_style()
try:
    w.send(None)
except StopIteration as e:
    print(e.value)
