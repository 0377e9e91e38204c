# Snapshots over real traces: compare_to() puts the line that allocated
# most between two snapshots first, statistics by file and by traceback
# find this file, dump()/load() keep the traces, and the frames of a call
# still setting up (a closure's cell) are the caller's.
import os
import sys
import tempfile
import tracemalloc

FILENAME = sys._getframe().f_code.co_filename     # what the traces name


def where(tb):
    """The frames of this file (a harness may run it below frames of its own)."""
    return [(os.path.basename(f.filename), f.lineno) for f in tb if f.filename == FILENAME]


def blocks(n):
    return [bytes(1000 + i) for i in range(n)]    # line 17


tracemalloc.start(4)
first = tracemalloc.take_snapshot()
kept = blocks(300)                                # line 22
second = tracemalloc.take_snapshot()

diff = second.compare_to(first, "lineno")
mine = [d for d in diff if d.traceback[0].filename == FILENAME]
print("top difference:", where(mine[0].traceback), mine[0].size_diff >= 300_000,
      mine[0].count_diff >= 300)

by_file = second.filter_traces([tracemalloc.Filter(True, FILENAME)]).statistics("filename")
print("by file:", [os.path.basename(s.traceback[0].filename) for s in by_file])
by_tb = second.statistics("traceback")
big = [s for s in by_tb if s.size >= 300_000]
print("by traceback:", where(big[0].traceback))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "snapshot.pickle")
    second.dump(path)
    loaded = tracemalloc.Snapshot.load(path)
print("loaded:", len(loaded.traces) == len(second.traces), loaded.traceback_limit)


def make_closure(x):
    def inner():
        return x
    return inner


cell = make_closure(0).__closure__[0]            # line 49
tb = tracemalloc.get_object_traceback(cell)
print("cell made at:", where(tb)[-1:])
print("excluded:", len(second.filter_traces([tracemalloc.Filter(False, FILENAME)]).statistics("filename"))
      < len(second.statistics("filename")) + 1)
tracemalloc.stop()
