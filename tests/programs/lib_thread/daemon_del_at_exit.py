# The program ends while a daemon thread sleeps inside a __del__, and
# objects of the main thread wait to be finalised.  CPython's teardown
# goes on without that thread: a daemon thread that wants the interpreter
# lock after the teardown has begun never gets it, and the rest of its
# work is never done.  pvm's finaliser queue runs one batch at a time; the
# daemon thread's batch, left half done, once made the teardown spin for
# ever waiting for it (a hang, not an exit).
import gc
import threading
import time

entered = threading.Event()
finished = []


class Sleeper:
    def __del__(self):
        entered.set()
        time.sleep(60)          # the lock is released: the main thread runs on
        finished.append("sleeper")      # never reached


class Quiet:
    """Finalised by the main thread: when differs (CPython at once, pvm at
    its next collection or at exit), so it prints nothing."""
    def __del__(self):
        finished.append(len(finished))


def daemon():
    s = Sleeper()
    del s
    gc.collect()                # pvm: the collection queues it, and calls it here


threading.Thread(target=daemon, daemon=True).start()
print("daemon's __del__ entered:", entered.wait(30))

many = [Quiet() for _ in range(100)]
del many
gc.collect()                    # pvm: queued, behind the daemon thread's batch
print("main ends; the daemon thread's __del__ has not finished:", "sleeper" not in finished)
