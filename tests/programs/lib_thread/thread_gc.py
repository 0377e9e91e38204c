# Collections while several threads allocate: threads build and drop many
# containers, some sleep or wait in locks meanwhile (blocked in a system call
# while the collector stops the world), the main thread allocates too; every
# result is checked, so an object freed too early would show.
import _thread
import time

N = 5
lock = _thread.allocate_lock()
gate = _thread.allocate_lock()
finished = _thread.allocate_lock()
finished.acquire()
left = [N]
totals = {}


def work(k):
    acc = 0
    keep = []
    for rnd in range(12):
        table = {}
        for i in range(1500):
            table["%d-%d" % (k, i)] = [i, (i, k), {"v": i * k}, "x" * (i % 9)]
        acc += sum(v[0] + v[2]["v"] for v in table.values())
        keep.append(table["%d-7" % k])
        if rnd % 4 == 0:
            time.sleep(0.001)
        with gate:
            pass
    acc += sum(item[1][0] for item in keep)
    with lock:
        totals[k] = acc
        left[0] -= 1
        if left[0] == 0:
            finished.release()


for k in range(N):
    _thread.start_new_thread(work, (k,))
junk = []
while not finished.acquire(timeout=0.001):
    junk.append([str(i) for i in range(200)])
    if len(junk) > 50:
        junk = []
print(sorted(totals.items()))
print(all(totals[k] == 12 * sum(i + i * k for i in range(1500)) + 12 * 7 for k in range(N)))
