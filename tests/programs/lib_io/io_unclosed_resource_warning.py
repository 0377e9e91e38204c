# A file left open warns ResourceWarning "unclosed file <repr>" when it is finalised (__del__), naming the outermost layer (text, buffered or raw), never with closefd=False; _finalizing and _dealloc_warn as CPython has them.
import io
import os
import tempfile
import warnings

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.bin")


def show(label, caught):
    print(label, [(w.category.__name__, str(w.message).replace(path, "PATH"),
                   type(w.source).__name__) for w in caught])


def finalise(label, make):
    f = make()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f.__del__()                     # what the collector calls
    show(label, caught)
    print("  closed:", f.closed)
    f.__del__()                         # closed now: nothing more
    return f


finalise("raw", lambda: io.FileIO(path, "wb"))
finalise("buffered writer", lambda: open(path, "wb"))
finalise("buffered reader", lambda: open(path, "rb"))
finalise("buffered random", lambda: open(path, "r+b"))
finalise("text", lambda: open(path, "w", encoding="utf-8"))
finalise("text reader", lambda: open(path, encoding="utf-8"))

# What a writer buffered is written before the file is closed.
w = open(path, "w", encoding="utf-8")
w.write("kept")
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    w.__del__()
with open(path, encoding="utf-8") as r:
    print("written:", r.read())

# Not its own descriptor: no warning.
fd = os.open(path, os.O_RDONLY)
finalise("closefd=False", lambda: open(fd, "rb", closefd=False))
os.close(fd)

# A file closed by the program does not warn.
c = open(path, "rb")
c.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    c.__del__()
show("closed", caught)

# The flag close() reads, settable as a bool member.
f = io.FileIO(path, "rb")
print(f._finalizing, type(f).__dict__["_finalizing"].__class__.__name__)
f._finalizing = True
print(f._finalizing)
try:
    f._finalizing = 1
except TypeError as e:
    print("TypeError:", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    f.close()                           # as if __del__ closed it
show("close while finalizing", caught)

# _dealloc_warn(source) names the source; a buffered stream passes it down.
b = open(path, "rb")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    b._dealloc_warn("SOURCE")
    b.raw._dealloc_warn(42)
show("dealloc_warn", caught)
b.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    b.raw._dealloc_warn(b)
show("after close", caught)

# A warning turned into an error is reported, not raised, by close().
g = open(path, "rb", buffering=0)
g._finalizing = True
import sys
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__,
                                     type(u.object).__name__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    g.close()
print("closed:", g.closed)

os.remove(path)
os.rmdir(tmp)
