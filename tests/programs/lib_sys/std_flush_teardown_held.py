# A stream that __main__ still holds (the original flush kept as a global,
# `orig = sys.stderr.flush`) is freed at the very end of CPython's teardown,
# when sys's and builtins' values are None: its replaced flush is called
# then, and one that reads sys (or calls a builtin) fails there, silently.
import os
import sys

orig = sys.stderr.flush
n = 0

def flush():
    global n
    n += 1
    orig()
    sys.__stdout__.write("stderr flush %d\n" % n)
    sys.__stdout__.flush()

def bound_flush(_w=os.write, _c=[0]):
    _c[0] += 1
    _w(1, b"stdout flush %d\n" % _c[0])

sys.stderr.flush = flush
sys.stdout.flush = bound_flush
out = sys.stdout
print("end of the program")
