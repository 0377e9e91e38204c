# Exceptions through await chains, try/finally in coroutines, close/throw on coroutines.
async def leaf(x):
    if x < 0:
        raise ValueError(f"negative {x}")
    return x * 10

async def middle(x):
    try:
        return await leaf(x) + 1
    finally:
        print("middle finally", x)

async def top(xs):
    out = []
    for x in xs:
        try:
            out.append(await middle(x))
        except ValueError as e:
            out.append(str(e))
    return out

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")

print(run(top([1, -2, 3])))
c = top([])
print(type(c).__name__, c.__qualname__, repr(c).split(" at ")[0])
print(c.cr_running, c.cr_frame is not None, c.cr_await)
print(run(c))
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
l1 = leaf(1)
try:
    l1.send(5)
except TypeError as e:
    print(e)
print(run(l1))
c2 = leaf(2)
print(c2.close())
try:
    c2.send(None)
except RuntimeError as e:
    print(e)
c3 = leaf(3)
try:
    c3.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown out", repr(e))
async def uses_lambda():
    f = lambda: 4
    return f() + await leaf(0)
print(run(uses_lambda()))
async def nested_def():
    async def inner(v):
        return v + 1
    return [await inner(i) for i in range(3)]
print(run(nested_def()))
