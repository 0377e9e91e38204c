# os.fork() waits for the import lock (CPython's PyOS_BeforeFork): while
# another thread holds it (here by _imp.acquire_lock(), as an import does
# while it puts a half-made module in sys.modules), fork() waits until it
# is let go, so the child sees the finished module, never the half-made
# one, and can import itself: the lock is free there.
import _imp
import os
import sys
import threading
import time
import warnings

# 3.12 warns that a fork with threads around may deadlock (whether the
# importer thread is still alive then is a race): not what this tests.
warnings.simplefilter("ignore", DeprecationWarning)
started = threading.Event()


def importer():
    _imp.acquire_lock()
    sys.modules["fake module"] = "partial"
    started.set()
    time.sleep(0.05)
    sys.modules["fake module"] = "complete"
    _imp.release_lock()


t = threading.Thread(target=importer)
t.start()
started.wait()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    m = __import__("fake module")
    print("child sees:", m)
    print("child holds the lock:", _imp.lock_held())
    import json                      # an import in the child does not hang
    print("child imported json:", json.dumps([1]))
    sys.stdout.flush()
    os._exit(0)
t.join()
_, status = os.waitpid(pid, 0)
print("parent: child exit code", os.waitstatus_to_exitcode(status))
print("parent holds the lock:", _imp.lock_held())

# fork() by the thread that holds the lock (as an import that forks does):
# the child holds it as that thread did, and so does the parent.
_imp.acquire_lock()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child of a holder holds the lock:", _imp.lock_held())
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print("parent still holds the lock:", _imp.lock_held())
_imp.release_lock()
print("parent after release:", _imp.lock_held())
