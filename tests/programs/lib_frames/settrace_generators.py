# sys.settrace through generators and coroutines: call/return on every resumption, the StopIteration of an awaited coroutine as an "exception" event, where a frame left by a re-raise is shown
import sys

events = []
def tracer(frame, event, arg):
    events.append((frame.f_code.co_name, frame.f_lineno, event))
    return tracer

def gen():
    yield 1
    yield 2

class Wrapper:
    def __init__(self, obj):
        self._it = iter(obj)
    def __aiter__(self):
        return self
    async def __anext__(self):
        try:
            return next(self._it)
        except StopIteration:
            raise StopAsyncIteration

async def doit():
    async for letter in Wrapper("ab"):
        x = letter
    return 42

def finally_reraise():
    try:
        raise KeyError('k')
    finally:
        pass

def run():
    for v in gen():
        pass
    c = doit()
    try:
        c.send(None)
    except StopIteration as e:
        print('coroutine returned', e.value)
    try:
        finally_reraise()
    except KeyError as e:
        f = e.__traceback__.tb_next.tb_frame
        print('left at line', f.f_lineno - finally_reraise.__code__.co_firstlineno)

sys.settrace(tracer)
run()
sys.settrace(None)
base = run.__code__.co_firstlineno
for name, line, event in events:
    print(name, line - base if line is not None else None, event)
