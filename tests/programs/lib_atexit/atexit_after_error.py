# atexit callbacks run after an uncaught exception's traceback, and the exit
# status stays 1.
import atexit

atexit.register(lambda: print("atexit runs last"))
print("main done")
raise ValueError("uncaught")
