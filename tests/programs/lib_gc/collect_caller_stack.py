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


# Before the collection, a call of a frame as large as Queue.get's: pvm's
# collector is conservative, and the dead words of a returned callee's frame
# above the innermost frame (which is inside a C call, so its stack top is
# not recorded) keep what they point to until overwritten.  What the
# caller's expression left (the module frame's stack) is not touched.
def settle(a=None, b=None, c=None, d=None, e=None, f=None):
    return None


def collect():
    settle()
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
