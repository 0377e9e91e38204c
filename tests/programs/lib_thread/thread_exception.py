# An exception that escapes a thread started by _thread.start_new_thread is
# reported on stderr ("Exception ignored in thread started by: ..." and the
# traceback; the last line is compared) and the program goes on, exit status 0.
import _thread
import time

def check(n):
    if n > 2:
        raise ValueError("n is too big: %d" % n)
    return n


def worker(n):
    started.release()
    print("worker computing", check(n - 1))
    print(check(n))


started = _thread.allocate_lock()
started.acquire()
_thread.start_new_thread(worker, (3,))
started.acquire()
# "join": _thread._count() drops once the thread has ended, after its
# exception is reported (_set_sentinel, the old way, is gone in 3.13).
while _thread._count():
    time.sleep(0.01)
print("main goes on")
