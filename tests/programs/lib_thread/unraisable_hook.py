# An exception nobody can catch — a _thread thread's, a weak reference callback's —
# goes to sys.unraisablehook (err_msg, object, traceback), the default hook
# prints it, and a failing hook is itself reported.  (3.13 names the thread's
# function in err_msg, its address masked here, and gives no object.)
import _thread, sys, time, weakref, gc, re
done = _thread.allocate_lock(); done.acquire()
def task():
    try:
        raise ValueError("task failed")
    finally:
        done.release()
seen = []
def hook(args):
    err_msg = re.sub(r" at 0x[0-9a-f]+", " at 0x...", args.err_msg)
    seen.append((args.exc_type.__name__, str(args.exc_value), err_msg, args.object is task,
                 args.exc_traceback is not None))
sys.unraisablehook = hook
_thread.start_new_thread(task, ())
done.acquire()
time.sleep(0.1)
print(seen)
class C: pass
# Two collections: pvm's collector is conservative, and a stale copy of c's address
# in a register or the loop's frame (code layout: make pgo's build) can outlive one.
def cb(r): raise KeyError("cb")
c = C(); r = weakref.ref(c, cb); del c; gc.collect(); gc.collect()
print(seen[1][:3])
sys.unraisablehook = sys.__unraisablehook__
_thread.start_new_thread(task, ())
done.acquire()
time.sleep(0.1)
def bad(args): raise RuntimeError("bad hook")
sys.unraisablehook = bad
c = C(); r = weakref.ref(c, cb); del c; gc.collect(); gc.collect()
print("end")
