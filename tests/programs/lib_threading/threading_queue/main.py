# CPython's Lib/threading.py and queue.py on real threads (with the
# standard library's own _weakrefset and types): Thread with results, names,
# current_thread/main_thread/enumerate, Lock, RLock, Condition, Event,
# Semaphore/BoundedSemaphore, Barrier, Timer, local, a queue.Queue producer and
# consumers, PriorityQueue/LifoQueue, Queue.get timeouts, threading.excepthook's
# "Exception in thread NAME:" report (stderr's last line), a daemon thread
# left running at exit and a non-daemon thread joined by threading._shutdown.
import queue
import threading
import time

print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.current_thread().ident == threading.get_ident(), threading.active_count())

# Thread: targets, arguments, names, join, is_alive, results under a Lock
results = {}
lock = threading.Lock()


def square(i, power=2):
    with lock:
        results[threading.current_thread().name] = i ** power


workers = [threading.Thread(target=square, args=(i,), kwargs={"power": 3}, name="sq%d" % i)
           for i in range(6)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(sorted(results.items()), any(t.is_alive() for t in workers))
print(repr(workers[0]).split(",")[0], workers[0].daemon)


class Summer(threading.Thread):
    def __init__(self, n):
        super().__init__(name="summer")
        self.n = n
        self.total = None

    def run(self):
        self.total = sum(range(self.n))
        names.append(sorted(t.name for t in threading.enumerate()))


names = []
s = Summer(1000)
s.start()
s.join()
print(s.total, names)

# Event and Condition
ev = threading.Event()
threading.Thread(target=lambda: (time.sleep(0.02), ev.set())).start()
print("event", ev.wait(10), ev.is_set(), threading.Event().wait(0.01))

cond = threading.Condition()
items = []


def produce():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()


def consume(out):
    while len(out) < 5:
        with cond:
            cond.wait_for(lambda: items)
            out.append(items.pop(0))


got = []
c = threading.Thread(target=consume, args=(got,))
c.start()
threading.Thread(target=produce).start()
c.join()
print("condition", got)

# RLock, Semaphore, BoundedSemaphore
r = threading.RLock()
with r:
    with r:
        print("rlock held twice", r._is_owned())
sem = threading.Semaphore(2)
print("semaphore", sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release(2)
bsem = threading.BoundedSemaphore(1)
bsem.acquire()
bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError", e)

# Barrier: every party passes together
barrier = threading.Barrier(3)
passed = []


def meet(i):
    barrier.wait()
    with lock:
        passed.append(i)


party = [threading.Thread(target=meet, args=(i,)) for i in range(3)]
for t in party:
    t.start()
for t in party:
    t.join()
print("barrier", sorted(passed), barrier.broken)

# Timer, and a cancelled one
timer = threading.Timer(0.01, lambda: print("timer fired"))
timer.start()
timer.join()
never = threading.Timer(30, lambda: print("never"))
never.start()
never.cancel()
never.join()
print("timer cancelled", never.finished.is_set())

# local: per-thread attributes
local = threading.local()
local.value = "main"
seen = []
t = threading.Thread(target=lambda: (seen.append(getattr(local, "value", None)),
                                     setattr(local, "value", "thread"),
                                     seen.append(local.value)))
t.start()
t.join()
print("local", seen, local.value)

# queue.Queue: one producer, three consumers, task_done/join
q = queue.Queue(maxsize=4)
consumed = []


def producer(n):
    for i in range(n):
        q.put(i)
    for _ in range(3):
        q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            consumed.append(item * item)
        q.task_done()


pool = [threading.Thread(target=consumer) for _ in range(3)]
for t in pool:
    t.start()
threading.Thread(target=producer, args=(30,)).start()
q.join()
for t in pool:
    t.join()
print("queue", sorted(consumed) == [i * i for i in range(30)], len(consumed), q.empty())
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2]:
    pq.put(x)
lq = queue.LifoQueue()
for x in "abc":
    lq.put(x)
print([pq.get() for _ in range(4)], [lq.get() for _ in range(3)])
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after a timeout")
try:
    queue.Queue(1).put_nowait(1) or queue.Queue(0).get_nowait()
except queue.Empty:
    print("Empty at once")

# a daemon thread still running at exit is abandoned; a non-daemon one is
# joined by threading._shutdown() after the main module ends
threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
last = threading.Event()


def finisher():
    last.wait()
    print("joined at exit")


threading.Thread(target=finisher).start()


def broken():
    raise KeyError("in a thread")


bad = threading.Thread(target=broken, name="Broken")
bad.start()
bad.join()
print("after the failing thread", bad.is_alive())
print("main module done")
last.set()
