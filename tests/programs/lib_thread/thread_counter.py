# Many threads incrementing shared counters under a lock: the totals are exact
# whatever the interleaving; with a tiny switch interval the threads change
# hands often.  Also sys.getswitchinterval/setswitchinterval and their errors.
import _thread
import sys

print(sys.getswitchinterval())
for bad in [0, -1.0, "x", None]:
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0001)
print(sys.getswitchinterval())

NTHREADS, ROUNDS = 8, 3000
lock = _thread.allocate_lock()
totals = {"count": 0, "sum": 0}
per_thread = [0] * NTHREADS
finished = _thread.allocate_lock()
finished.acquire()
left = [NTHREADS]


def work(k):
    for i in range(ROUNDS):
        with lock:
            totals["count"] += 1
            totals["sum"] += i * k
        per_thread[k] += 1            # only this thread writes slot k
    with lock:
        left[0] -= 1
        if left[0] == 0:
            finished.release()


for k in range(NTHREADS):
    _thread.start_new_thread(work, (k,))
finished.acquire()
print(totals, per_thread)
print(totals["sum"] == sum(range(ROUNDS)) * sum(range(NTHREADS)))
