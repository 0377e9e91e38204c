# Ctrl-C reaches the main thread blocked in lock.acquire() while another
# thread spins in pure Python: KeyboardInterrupt is raised in the main thread
# (caught here), then again while it waits with a timeout (uncaught).
import _thread

held = _thread.allocate_lock()
held.acquire()
stop = []


def spin():
    n = 0
    while not stop:
        n += 1


_thread.start_new_thread(spin, ())
try:
    print("ready", flush=True)
    held.acquire()
except KeyboardInterrupt:
    print("interrupted in acquire()")
stop.append(1)
print("ready", flush=True)
held.acquire(timeout=60)
print("not reached")
