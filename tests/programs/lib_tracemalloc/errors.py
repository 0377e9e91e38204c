# _tracemalloc's argument checks and messages, and what each function
# answers when not tracing.
import _tracemalloc
import tracemalloc


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
    else:
        print("ok", r)


for n in (-1, 0, 65536, 2**30, "3", 1.5, 2**100, None):
    attempt(_tracemalloc.start, n)
attempt(_tracemalloc.start, 1, 2)
attempt(_tracemalloc.start, nframe=2)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())

for name in ("stop", "is_tracing", "clear_traces", "get_traceback_limit",
             "get_traced_memory", "reset_peak", "get_tracemalloc_memory", "_get_traces"):
    attempt(getattr(_tracemalloc, name), 1)
attempt(_tracemalloc._get_object_traceback)
attempt(_tracemalloc._get_object_traceback, 1, 2)

# Not tracing: nothing traced, nothing to clear; the limit stays the last one.
attempt(_tracemalloc.clear_traces)
attempt(_tracemalloc.reset_peak)
attempt(_tracemalloc.stop)
attempt(_tracemalloc._get_traces)
attempt(_tracemalloc._get_object_traceback, object())
attempt(_tracemalloc.get_traced_memory)

# start() while tracing changes nothing, the limit neither.
_tracemalloc.start(5)
_tracemalloc.start(2)
print(_tracemalloc.is_tracing(), _tracemalloc.get_traceback_limit())
_tracemalloc.stop()
print(_tracemalloc.is_tracing(), _tracemalloc.get_traceback_limit())
_tracemalloc.start()
print(_tracemalloc.get_traceback_limit())
_tracemalloc.stop()
_tracemalloc.start(65535)
x = bytes(1000)
print(len(_tracemalloc._get_object_traceback(x)) >= 1)
_tracemalloc.stop()
print(sorted(n for n in dir(_tracemalloc) if not n.startswith("__")))
print(_tracemalloc.__doc__)
print("_tracemalloc" in __import__("sys").builtin_module_names)
