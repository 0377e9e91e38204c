# Ctrl-C reaches the main thread waiting for a thread to end (what
# threading.Thread.join waits on: the lock _thread._set_sentinel gives the
# thread, which acquires it; it is released when the thread ends), while
# that thread waits on a lock.
import _thread

started = _thread.allocate_lock()
started.acquire()
never = _thread.allocate_lock()
never.acquire()
box = []


def worker():
    sentinel = _thread._set_sentinel()
    sentinel.acquire()
    box.append(sentinel)
    started.release()
    never.acquire()


_thread.start_new_thread(worker, ())
started.acquire()
try:
    print("ready", flush=True)
    box[0].acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt while joining")
print("done")
