# atexit callbacks run after threading._shutdown() has joined the non-daemon
# threads, and after an uncaught exception's traceback (exit status 1 kept).
import atexit
import threading
import time

def worker():
    time.sleep(0.1)
    print("worker done", flush=True)

atexit.register(lambda: print("atexit runs last"))
threading.Thread(target=worker).start()
print("main done")
raise ValueError("uncaught")
