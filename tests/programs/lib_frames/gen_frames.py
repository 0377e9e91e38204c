# Generator, coroutine and async-generator frames: gi_frame/cr_frame/ag_frame are frame objects (the same one each time), f_lineno as they suspend, f_back while running (also through a throw() passed on by yield from), None once finished
import sys

def gen():
    x = 1
    yield sys._getframe()
    x = 2
    yield x

g = gen()
f0 = g.gi_frame
print(type(f0).__name__, f0.f_code.co_name, f0.f_lineno)
inner = next(g)
print(inner is g.gi_frame, inner is f0, g.gi_frame.f_lineno)
print(g.gi_frame.f_locals['x'], g.gi_frame.f_back)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals['x'])
for _ in g:
    pass
print(g.gi_frame)

def watcher():
    yield sys._getframe().f_back.f_code.co_name
def drive():
    return next(watcher())
print(drive())

async def coro():
    return sys._getframe().f_code.co_name
c = coro()
print(c.cr_frame.f_code.co_name, c.cr_frame is c.cr_frame)
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value)
print(c.cr_frame)

async def agen():
    yield 1
a = agen()
print(a.ag_frame.f_code.co_name)

def closing():
    try:
        yield 1
    finally:
        print('closed by frame.clear()')
g2 = closing()
next(g2)
g2.gi_frame.clear()
print(g2.gi_frame)

def tb_in_gen():
    yield 1
    raise ValueError('in gen')
g3 = tb_in_gen()
next(g3)
try:
    next(g3)
except ValueError as e:
    tb = e.__traceback__.tb_next
    back = tb.tb_frame.f_back           # None in 3.11, the resumer's from 3.12 on
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, back and back.f_code.co_name)

# gen.throw() passed on to the generator a `yield from` delegates to: the
# delegating generator's frame is between the thrower and the delegate
def names_from(frame):
    out = []
    while frame is not None and frame.f_code.co_name != 'thrower':
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out
def inner():
    try:
        yield
    except RuntimeError:
        print('inner sees', names_from(sys._getframe()))
    yield 'after'
def outer():
    yield from inner()
def thrower(g):
    return g.throw(RuntimeError)
g4 = outer()
next(g4)
print(thrower(g4))
