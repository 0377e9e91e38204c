# Real threads on CPython's threading and queue: producers and consumers over queue.Queue, task_done/join, sentinels, a Condition-guarded counter, an Event; output ordered to be deterministic
import queue
import threading

q = queue.Queue(maxsize=4)
results = []
results_lock = threading.Lock()
SENTINEL = None


def producer(pid, count):
    for i in range(count):
        q.put((pid, i))


def consumer():
    while True:
        item = q.get()
        try:
            if item is SENTINEL:
                return
            pid, i = item
            with results_lock:
                results.append((pid, i, pid * 100 + i * i))
        finally:
            q.task_done()


consumers = [threading.Thread(target=consumer, name="consumer-%d" % n) for n in range(3)]
producers = [threading.Thread(target=producer, args=(p, 25)) for p in range(4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
for _ in consumers:
    q.put(SENTINEL)
for t in consumers:
    t.join()
print(len(results), sorted(results)[:3], sorted(results)[-1], sum(r[2] for r in results))
print(q.empty(), q.qsize(), q.unfinished_tasks, [t.is_alive() for t in consumers])

# A bounded buffer with a Condition, counted by a worker pool.
cond = threading.Condition()
buffer = []
done = threading.Event()
consumed = []


def make(n):
    for i in range(n):
        with cond:
            while len(buffer) >= 2:
                cond.wait()
            buffer.append(i)
            cond.notify_all()


def take(total):
    for _ in range(total):
        with cond:
            while not buffer:
                cond.wait()
            consumed.append(buffer.pop(0))
            cond.notify_all()
    done.set()


taker = threading.Thread(target=take, args=(30,))
maker = threading.Thread(target=make, args=(30,))
taker.start()
maker.start()
print(done.wait(10), consumed == list(range(30)))
maker.join()
taker.join()

# PriorityQueue and LifoQueue between two threads.
pq = queue.PriorityQueue()
feeder = threading.Thread(target=lambda: [pq.put((p, "job%d" % p)) for p in (5, 1, 4, 2, 3)])
feeder.start()
feeder.join()
print([pq.get()[1] for _ in range(5)])
try:
    pq.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
print(threading.active_count(), threading.current_thread() is threading.main_thread())
