# await on something that is not awaitable, uncaught.
async def f():
    return await 42
f().send(None)
