# aclose()/athrow() of an async generator: awaits inside its finally, ignoring GeneratorExit, and on an exhausted or closed generator
import types
@types.coroutine
def sleep():
    yield 'sleeping'

DONE = 0
async def foo():
    global DONE
    try:
        yield 1
        1 / 0
    finally:
        await sleep()
        await sleep()
        DONE += 1
    DONE += 1000

def drive(coro):
    try:
        while True:
            print('yielded', coro.send(None))
    except StopIteration as e:
        print('returned', e.value)
    except BaseException as e:
        print('raised', type(e).__name__, e)

async def run():
    gen = foo()
    print(await gen.__anext__())
    await gen.aclose()

drive(run())
print(DONE)

async def foo2():
    try:
        yield 1
    finally:
        await sleep()
        yield 12
async def run2():
    gen = foo2()
    await gen.__anext__()
    await gen.aclose()
try:
    drive(run2())
except RuntimeError as e:
    print('RuntimeError', e)
async def gen1():
    yield 1
async def exhausted(op):
    g = gen1()
    async for x in g:
        pass
    await (g.aclose() if op == 'close' else g.athrow(ValueError))
    print('after', op)
drive(exhausted('close'))
drive(exhausted('throw'))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def ignored(op):
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print('first', e)
    await (g.aclose() if op == 'close' else g.athrow(ValueError))
    print('after', op)
drive(ignored('close'))
drive(ignored('throw'))

# throw() into the aclose()/athrow() awaitable while the generator's finally awaits
async def catcher():
    try:
        yield 1
    finally:
        try:
            await sleep()
        except ZeroDivisionError as e:
            print('finally caught', repr(e))

async def close_then(op):
    g = catcher()
    await g.__anext__()
    if op == 'close':
        await g.aclose()
    else:
        await g.athrow(KeyError('k'))
    print('after', op)

for op in ['close', 'throw']:
    c = close_then(op)
    print('yielded', c.send(None))
    try:
        c.throw(ZeroDivisionError('thrown'))
    except StopIteration as e:
        print(op, 'returned', e.value)
    except BaseException as e:
        print(op, 'raised', type(e).__name__, e)
