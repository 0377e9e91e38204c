# BlockingIOError(errno, strerror, characters_written): an exact BlockingIOError takes a number in the filename's place as characters_written (args kept whole, no filename), a subclass takes it as the filename; the attribute is OSError's, missing (AttributeError) until set, an index-sized int (TypeError, ValueError), deletable once; OSError(EAGAIN, ...) makes one; pickling keeps it
import errno
import pickle
import re


def named(e):
    """str(e), its errno by name (the numbers differ between platforms)."""
    name = errno.errorcode.get(e.errno, e.errno)
    return re.sub(r"^\[Errno \d+\]", "[Errno %s]" % name, str(e))


def show(e):
    try:
        w = e.characters_written
    except AttributeError as x:
        w = "AttributeError: %s" % x
    print(type(e).__name__, errno.errorcode.get(e.errno, e.errno), e.args[1:], e.strerror,
          e.filename, e.filename2, w, named(e))


show(BlockingIOError(errno.EAGAIN, "would block", 5))
show(BlockingIOError(errno.EAGAIN, "would block"))
show(BlockingIOError(errno.EAGAIN, "would block", True))
show(BlockingIOError(errno.EAGAIN, "would block", -3))
show(BlockingIOError(errno.EAGAIN, "would block", None))
show(BlockingIOError(errno.EAGAIN, "would block", "name"))
show(BlockingIOError(errno.EAGAIN, "would block", 4, None, "other"))
show(BlockingIOError(errno.EAGAIN, "would block", "a", None, "b"))
show(BlockingIOError("one argument"))
show(BlockingIOError(1, 2, 3, 4, 5, 6))
show(OSError(errno.EAGAIN, "again", 7))
show(OSError(errno.EINPROGRESS, "in progress", 8))
show(OSError(errno.ENOENT, "no file", 9))


class Sub(BlockingIOError):
    pass


show(Sub(errno.EAGAIN, "sub", 6))

for bad in (2.5, 1j, 2 ** 70):
    try:
        BlockingIOError(errno.EAGAIN, "bad", bad)
    except (TypeError, ValueError) as x:
        print(type(x).__name__, x)

e = OSError(1, "perm")
for value in (3, True, 2.5, 2 ** 70, "4"):
    try:
        e.characters_written = value
        print("set", e.characters_written, type(e.characters_written).__name__)
    except (TypeError, ValueError) as x:
        print(type(x).__name__, x)
del e.characters_written
try:
    del e.characters_written
except AttributeError as x:
    print("AttributeError:", x)
print(hasattr(e, "characters_written"), "characters_written" in dir(e))

e = BlockingIOError(errno.EAGAIN, "pickled", 11)
f = pickle.loads(pickle.dumps(e))
print(e.__reduce__()[1][1:], type(f).__name__, f.args[1:], f.characters_written)
print(type(OSError.characters_written).__name__, OSError.characters_written.__name__,
      OSError.characters_written.__objclass__.__name__)
try:
    raise BlockingIOError(errno.EAGAIN, "raised", 12)
except OSError as x:
    print(type(x).__name__, x.characters_written, named(x))
