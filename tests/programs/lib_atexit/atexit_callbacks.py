# atexit: callbacks run at exit newest first, with their arguments, after the
# program's output; errors (SystemExit too) are reported and the rest run.
import atexit
import _thread

base = atexit._ncallbacks()   # python3.11 may have some already (site)

def a():
    print('a')
    raise SystemExit(3)

def b(x, y=2):
    print('b', x, y)

def c():
    print('c never runs')

print(atexit.register(a) is a)
atexit.register(b, 1, y=5)
atexit.register(c)
atexit.register(c)
print(atexit._ncallbacks() - base)
atexit.unregister(c)
print(atexit._ncallbacks() - base)
try:
    atexit.register(5)
except TypeError as e:
    print(e)
atexit.register(print, 'with', 'args', sep='-')
lock = _thread.allocate_lock()
print("end of program")
