# An exception that escapes a thread started by _thread.start_new_thread is
# reported on stderr ("Exception ignored in thread started by: ..." and the
# traceback; the last line is compared) and the program goes on, exit status 0.
import _thread

def check(n):
    if n > 2:
        raise ValueError("n is too big: %d" % n)
    return n


def worker(box, n):
    sentinel = _thread._set_sentinel()   # released when this thread ends,
    sentinel.acquire()                   # after its exception is reported
    box.append(sentinel)
    started.release()
    print("worker computing", check(n - 1))
    print(check(n))


box = []
started = _thread.allocate_lock()
started.acquire()
_thread.start_new_thread(worker, (box, 3))
started.acquire()
box[0].acquire()                         # "join": the thread has ended
print("main goes on")
