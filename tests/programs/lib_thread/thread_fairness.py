# The interpreter lock changes hands every switch interval: while one thread
# spins in a pure-Python loop (no call, no blocking), another thread still gets
# to run and release the lock the main thread waits on.  Without forced
# switching this program would never finish.
import _thread

stop = []
spins = [0]
ready = _thread.allocate_lock()
ready.acquire()
event = _thread.allocate_lock()
event.acquire()


def spinner():
    ready.release()
    n = 0
    while not stop:
        n += 1
    spins[0] = n


def setter():
    total = 0
    for i in range(20000):              # plenty of back edges of its own
        total += i
    print("setter ran", total)
    event.release()


_thread.start_new_thread(spinner, ())
ready.acquire()                         # the spinner is running
_thread.start_new_thread(setter, ())
print("event set:", event.acquire(timeout=30))
stop.append(True)
print("spinner stopped", spins[0] >= 0)
