# Once the teardown has begun (after atexit), a daemon thread never runs
# Python code again, as in CPython: here one waits for an event that a
# __del__ run by the teardown sets, and that __del__ then sleeps, releasing
# the interpreter lock.  The daemon thread wakes, but must not print.
# (Its function is made in a namespace of its own: a thread whose frame
# holds __main__'s globals keeps them, and `keep`, alive through CPython's
# teardown, which then never calls keep's __del__.)
import threading
import time

go = threading.Event()
ns = {"go": go}
exec("def daemon():\n"
     "    go.wait()\n"
     "    print('the daemon thread ran during the teardown', flush=True)\n", ns)


class AtExit:
    def __del__(self):
        go.set()
        time.sleep(0.3)         # the lock is released for a while
        print("__del__ at exit: done")


threading.Thread(target=ns["daemon"], daemon=True).start()
keep = AtExit()                 # finalised by the teardown
print("main ends")
