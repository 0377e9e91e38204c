# The last call of a flush the program gave sys.stdout or sys.stderr comes
# in the teardown, after the modules other than __main__ were cleared (a
# flush reading os.write fails there, silently: status 0), while sys's are
# (stderr's still sees sys.stdout, stdout's nothing); builtins and
# __main__'s own globals are still there.
import os
import sys

calls = {"stdout": 0, "stderr": 0}

def probe(label, _w=os.write, _calls=calls):
    def flush():
        _calls[label] += 1
        n = _calls[label]
        _w(1, b"%s flush %d, main global: %r\n" % (label.encode(), n, LABEL))
        try:
            _w(1, b"  builtin len: %d\n" % len(label))
        except:
            _w(1, b"  builtins gone\n")
        try:
            _w(1, b"  sys.argv: %r\n" % (type(sys.argv).__name__,))
        except:
            _w(1, b"  sys gone\n")
        os.write(1, b"  os.write still there\n")
    return flush

LABEL = b"main"
sys.stdout.flush = probe("stdout")
sys.stderr.flush = probe("stderr")
os.write(1, b"end of the program\n")
