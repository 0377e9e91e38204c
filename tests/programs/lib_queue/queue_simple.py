# _queue.SimpleQueue: FIFO order, empty/qsize, get with block/timeout and Empty, a producer thread, argument errors
import _queue
import _thread
from _queue import SimpleQueue, Empty
q = SimpleQueue()
print(q.empty(), q.qsize())
for i in range(100):
    q.put(i)
q.put_nowait('x')
q.put(item='y', block=False, timeout=3)
print(q.empty(), q.qsize(), [q.get() for _ in range(50)], q.qsize())
print([q.get_nowait() for _ in range(52)], q.empty())
for f in [lambda: q.get(False), lambda: q.get_nowait(), lambda: q.get(timeout=0.01), lambda: q.get(True, 0),
          lambda: q.get(timeout=-1), lambda: q.get(1, 2, 3), lambda: q.put(), lambda: q.put(1, x=2),
          lambda: q.qsize(1), lambda: q.get(timeout='a'), lambda: SimpleQueue(1), lambda: SimpleQueue(a=1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, repr(e))
print(Empty.__mro__, Empty.__module__, SimpleQueue[int])

# a producer thread: get() waits with the interpreter lock released
out = SimpleQueue()
def producer():
    for i in range(5):
        out.put(i * i)
    out.put(None)
_thread.start_new_thread(producer, ())
got = []
while True:
    item = out.get(timeout=10)
    if item is None:
        break
    got.append(item)
print(got)
