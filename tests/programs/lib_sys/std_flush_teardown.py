# A flush the program gave sys.stderr and sys.stdout is called three times
# at exit, as CPython's: flush_io after __main__, flush_std_files after
# atexit, and close() when the teardown frees the streams (stderr first),
# after the modules were cleared; that last call's error is ignored
# (status 0).
import atexit
import os
import sys

def counting(label, _w=os.write):
    calls = [0]
    def flush(_w=_w, _calls=calls, _label=label):
        _calls[0] += 1
        _w(1, b"%s flush %d\n" % (_label, _calls[0]))
        if _calls[0] == 3:
            raise ValueError("ignored at the teardown")
    return flush

sys.stderr.flush = counting(b"stderr")
sys.stdout.flush = counting(b"stdout")
atexit.register(os.write, 1, b"atexit\n")
os.write(1, b"end of the program\n")
