# A socket collected while open warns ResourceWarning "unclosed <repr>" (its
# address still readable) and its descriptor is closed; one closed or
# detached warns nothing.  In teardown, after atexit, importing a module
# not imported yet fails as in CPython (sys.meta_path is None).
import atexit, gc, os, socket, warnings
warnings.simplefilter("always")
def show(message, category, filename, lineno, file=None, line=None):
    print("warn:", category.__name__, message)
warnings.showwarning = show
fds = len(os.listdir("/proc/self/fd"))
s = socket.socket()
s = None
gc.collect()
print("open fds back to before:", len(os.listdir("/proc/self/fd")) == fds)
c = socket.socket()
c.close()
c = None
d = socket.socket()
os.close(d.detach())
d = None
gc.collect()
print("closed and detached: no warning")
def at_exit():
    import json                             # still possible in atexit
    print("atexit", json.dumps([1]))
atexit.register(at_exit)
class Late:
    def __del__(self):
        try:
            import csv
        except ImportError as e:
            print(type(e).__name__ + ":", e)
late = Late()
print("end")
