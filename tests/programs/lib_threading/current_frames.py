# sys._current_frames() and sys._current_exceptions(): one entry per thread
# running Python code, keyed by its ident — the caller's own frame for the
# running thread, the innermost frame of a waiting one, the exception each
# handles; after fork() the child has only the forking thread's.
import os
import sys
import threading

ready = threading.Event()
go = threading.Event()


def waiter():
    try:
        raise KeyError(1)
    except KeyError:
        ready.set()
        go.wait()


t = threading.Thread(target=waiter, daemon=True)   # exits even if a print fails
t.start()
ready.wait()
frames = sys._current_frames()
print(len(frames), frames[threading.get_ident()] is sys._getframe())
print(frames[t.ident].f_code.co_name, frames[t.ident].f_back.f_code.co_name)
exc = sys._current_exceptions()
# 3.11: (type, value, traceback) per thread; 3.12: the exception or None
handled = {k: v[1] if isinstance(v, tuple) else v for k, v in exc.items()}
print(sorted((k == t.ident, type(v).__name__) for k, v in handled.items()))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(51 if list(sys._current_frames()) == [threading.get_ident()] else 52)
print("child:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
go.set()
t.join()
print(list(sys._current_frames()) == [threading.get_ident()])
