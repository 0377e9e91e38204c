# throw() into a coroutine awaiting at the end of its code reaches the delegate (cr_await), also through a coroutine_wrapper; 'async for' chains any __await__ error
class FutureLike:
    def __await__(self):
        return (yield)
class Marker(Exception):
    pass
async def coro1():
    try:
        return await FutureLike()
    except ZeroDivisionError:
        raise Marker
w = coro1().__await__()
print(type(w).__name__)
print(w.send(None))
try:
    w.throw(ZeroDivisionError)
except Marker:
    print("Marker via wrapper")
class Wrapper:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return self.coro.__await__()
async def coro2():
    return await Wrapper(coro1())
c = coro2()
c.send(None)
try:
    c.throw(ZeroDivisionError)
except Marker:
    print("Marker")
c = coro1(); c.send(None); print(type(c.cr_await).__name__)
c = coro2(); c.send(None); print(type(c.cr_await).__name__)

class F:
    def __aiter__(self):
        return self
    def __anext__(self):
        return self
    def __await__(self):
        1 / 0

async def main():
    async for _ in F():
        pass

try:
    main().send(None)
except TypeError as e:
    print(e, '|', repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
