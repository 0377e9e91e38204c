# A traced allocation of a 1 MiB bytes object: get_traced_memory() grows
# by it, its traceback names this file and line, the snapshot's top
# statistic by line is the allocating line, and dropping it gives the
# memory back.  Sizes are compared, never printed: pvm's objects are not
# CPython's size.
import gc
import os
import sys
import tracemalloc

MIB = 1 << 20
FILENAME = sys._getframe().f_code.co_filename     # what the traces name


def where(tb):
    return [(os.path.basename(f.filename), f.lineno) for f in tb]


def allocate(n):
    return b"x" * n                               # line 19


def outer(n):
    return allocate(n)                            # line 23


print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.start(3)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
before, _ = tracemalloc.get_traced_memory()
data = outer(MIB)                                 # line 30
after, peak = tracemalloc.get_traced_memory()
print("grew by 1 MiB:", after - before >= MIB, "peak >= current:", peak >= after)
tb = tracemalloc.get_object_traceback(data)
print("traceback:", where(tb))
print("total_nframe:", tb.total_nframe, len(tb))
print("formatted:", [line.strip() for line in tb.format()][-2:])

snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[0]
print("top line:", where(top.traceback), top.size >= MIB, top.count >= 1)
top_tb = snapshot.statistics("traceback")[0]
print("top traceback:", where(top_tb.traceback))
mine = snapshot.filter_traces([tracemalloc.Filter(True, FILENAME)])
print("filtered top:", where(mine.statistics("lineno")[0].traceback))
print("not traced:", tracemalloc.get_object_traceback(12), tracemalloc.get_object_traceback(None))

del data
# The calls that made it may have left a copy of its address in a dead slot
# of the C stack, which pvm's collector reads conservatively: the same calls
# made again, for a small object, write over it.
outer(16)
gc.collect()
dropped, peak2 = tracemalloc.get_traced_memory()
print("gave it back:", dropped < after - MIB // 2, "peak kept:", peak2 >= peak)

tracemalloc.reset_peak()
now, peak3 = tracemalloc.get_traced_memory()
print("reset_peak:", peak3 < peak2, peak3 >= now)
big = bytes(2 * MIB)
now, peak4 = tracemalloc.get_traced_memory()
print("peak grows:", peak4 >= 2 * MIB, peak4 >= now)

tracemalloc.clear_traces()
print("cleared:", tracemalloc.get_object_traceback(big), tracemalloc.get_traced_memory()[0] < MIB)
print("still tracing:", tracemalloc.is_tracing())
print("own memory:", tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.take_snapshot
      if False else None)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
print(tracemalloc._get_traces(), tracemalloc.get_object_traceback(big))
