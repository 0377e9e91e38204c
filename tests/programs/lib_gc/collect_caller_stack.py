# gc.collect() called from a helper function frees what the caller's
# expression left behind on its value stack (weakref.ref(q.get()): the
# result got is dead once the weak reference is made), and a queue does not
# keep the items it handed out (SimpleQueue compacts its storage past 16).
import collections
import gc
import queue
import weakref


class C:
    pass


def collect():
    gc.collect()


N = 20
for q in (queue.SimpleQueue(), queue.Queue(), queue.LifoQueue(), collections.deque()):
    put = q.append if isinstance(q, collections.deque) else q.put
    get = q.popleft if isinstance(q, collections.deque) else q.get
    for i in range(N):
        put(C())
    alive = 0
    for i in range(N):
        wr = weakref.ref(get())
        collect()
        alive += wr() is not None
    print(type(q).__name__, "still alive:", alive)
