# os.fork() called in a thread that is not the main thread: in the child that
# thread is the only one and becomes the main thread; the old main thread is
# stopped (join returns at once); threads start and join there; the child
# ends, status 0, when its last thread ends (here after a thread that
# outlives the forking one), and a wait of the old lock state does not hang.
import os
import sys
import threading
import time

main = threading.current_thread()
lock = threading.Lock()


def late():
    time.sleep(0.2)
    print("child: late thread done", flush=True)


def in_child():
    print("child: main_thread is current:",
          threading.main_thread() is threading.current_thread())
    print("child: old main alive:", main.is_alive())
    main.join()
    print("child: joined the old main thread")
    print("child: active count", threading.active_count())
    t = threading.Thread(target=lambda: print("child: in a new thread"))
    t.start()
    t.join()
    with lock:
        print("child: lock taken")
    sys.stdout.flush()
    threading.Thread(target=late).start()
    # returning ends this thread; the process ends with the late thread


def worker():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        in_child()
        return
    _, status = os.waitpid(pid, 0)
    print("parent: child exit code", os.waitstatus_to_exitcode(status))


w = threading.Thread(target=worker)
w.start()
w.join()
print("parent: done")
