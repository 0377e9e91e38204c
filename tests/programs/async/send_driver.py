# async def / await driven by coro.send(None): return values arrive in StopIteration.value
async def add(a, b):
    return a + b
async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
c = add(3, 4)
print(type(c).__name__, c.__name__, c.__qualname__)
print(run(c))
print(run(compute()))
async def nested(n):
    if n == 0:
        return []
    rest = await nested(n - 1)
    return rest + [n]
print(run(nested(6)))
async def raises():
    raise ValueError("async failure")
try:
    run(raises())
except ValueError as e:
    print("ValueError:", e)
async def catches():
    try:
        await raises()
    except ValueError as e:
        return "caught " + str(e)
print(run(catches()))
co = compute()
co.close()
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
done = add(1, 1)
print(run(done))
try:
    done.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
