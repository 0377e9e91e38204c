# Allocations in other threads are traced too, with those threads' frames.
import sys
import threading
import tracemalloc

FILENAME = sys._getframe().f_code.co_filename     # what the traces name

tracemalloc.start(2)
made = {}


def work(i):
    made[i] = [bytes(100 + j) for j in range(2000)]   # line 13


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, FILENAME)])
top = snapshot.statistics("lineno")[0]
print("top line:", top.traceback[0].lineno, top.count >= 8000)
tb = tracemalloc.get_object_traceback(made[2][5])
print("lines:", [f.lineno for f in tb if f.filename == FILENAME])
tracemalloc.stop()
