# an exception from an atexit callback (SystemExit too) goes to sys.unraisablehook with the callback as its object, and the next callback runs (test_atexit)
import atexit
import sys

seen = []

def hook(u):
    obj = u.object.__name__ if u.object is not None else None
    msg = u.err_msg.split(' <')[0] if u.err_msg else u.err_msg
    seen.append((u.exc_type.__name__, str(u.exc_value), msg, obj))

def div_zero():
    1 / 0

def bad_args():
    pass

def leave(code):
    sys.exit(code)

def ok(label):
    print("ran", label)

sys.unraisablehook = hook
atexit.register(div_zero)
atexit.register(ok, "second")
atexit.register(bad_args, 1, 2)
atexit.register(leave, 7)
atexit.register(ok, "first")
atexit._run_exitfuncs()
for s in seen:
    print(s)
print(atexit._ncallbacks())

def broken_hook(u):
    raise RuntimeError("the hook fails")
sys.unraisablehook = broken_hook
atexit.register(div_zero)
atexit.register(ok, "before the broken hook")
atexit._run_exitfuncs()
print("still running")
