# async with on an object that is not an asynchronous context manager.
async def f():
    async with 5:
        pass
try:
    f().send(None)
except TypeError as e:
    print(e)
g = f()
g.send(None)
