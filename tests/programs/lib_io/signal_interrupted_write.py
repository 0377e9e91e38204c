# A blocking write to a pipe that a signal interrupts runs the Python handler before writing again: a handler that raises stops the write (its exception propagates, the bytes already written are counted), one that returns lets it go on (PEP 475); the same for reads.  A handler that calls the buffered file back in the middle of its write gets RuntimeError('reentrant call inside ...'), as in CPython
import io
import os
import select
import signal

PATTERN = bytes(range(256)) * 4096         # 1 MiB: more than a pipe holds


def pipe_full(w):
    """Whether a write to w would block: the pipe holds all it can."""
    return not select.select([], [w], [], 0)[1]


def drain(r):
    """Everything the pipe holds now."""
    os.set_blocking(r, False)
    chunks = []
    while True:
        try:
            chunk = os.read(r, 1 << 20)
        except BlockingIOError:
            break
        chunks.append(chunk)
    os.set_blocking(r, True)
    return b"".join(chunks)


def interrupt_when_full(w, act):
    """A timer whose handler calls act() once the pipe is full, so while the
    write is blocked: no race with the program's own pace.  Until then, and
    after an act() that returns, the handler sets the timer again: one
    signal, not a stream of them, interrupts each blocked write."""
    def handler(signum, frame):
        if pipe_full(w):
            act()
        signal.setitimer(signal.ITIMER_REAL, 0.05)
    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, 0.05)


def stop_timer():
    signal.setitimer(signal.ITIMER_REAL, 0)


def divide():
    1 / 0


# A buffered write straight to the raw stream: the kernel takes what the
# pipe holds, then blocks; the signal cuts it short (a partial write, not
# EINTR), and the handler's ZeroDivisionError ends it.
for mode, data in (("wb", PATTERN), ("w", "xy" * 500000)):
    r, w = os.pipe()
    wio = io.open(w, mode, closefd=False, **({"encoding": "ascii"} if mode == "w" else {}))
    interrupt_when_full(w, divide)
    try:
        wio.write(data)
        print(mode, "write: finished?")
    except ZeroDivisionError as e:
        print(mode, "write: ZeroDivisionError:", e)
    finally:
        stop_timer()
    got = drain(r)
    expected = PATTERN if mode == "wb" else data.encode("ascii")
    print(mode, "the pipe holds a prefix of the data:", 0 < len(got) < len(expected) and expected.startswith(got))
    # Nothing of the interrupted write is left behind to be written later.
    wio.write(b"after" if mode == "wb" else "after")
    wio.flush()
    print(mode, "then:", drain(r))
    wio.close()
    os.close(r)
    os.close(w)

# The same with the pipe already full: the write takes nothing and sees
# EINTR, the handler raises.
r, w = os.pipe()
os.set_blocking(w, False)
try:
    while True:
        os.write(w, PATTERN[:4096])
except BlockingIOError:
    pass
os.set_blocking(w, True)
wio = io.open(w, "wb", closefd=False)
interrupt_when_full(w, divide)
try:
    wio.write(PATTERN)
except ZeroDivisionError as e:
    print("full pipe: ZeroDivisionError:", e)
finally:
    stop_timer()
drain(r)
wio.close()
os.close(r)
os.close(w)

# flush(): the buffer goes out in part; what the raw stream took leaves the
# buffer, the rest stays for the next flush.
r, w = os.pipe()
wio = io.open(w, "wb", buffering=2 * len(PATTERN), closefd=False)
wio.write(PATTERN)
print("buffered, nothing written yet:", drain(r) == b"")
interrupt_when_full(w, divide)
try:
    wio.flush()
except ZeroDivisionError as e:
    print("flush: ZeroDivisionError:", e)
finally:
    stop_timer()
got = drain(r)
while len(got) < len(PATTERN):
    # The rest, a pipeful at a time: flush again whenever it was emptied.
    interrupt_when_full(w, divide)
    try:
        wio.flush()
    except ZeroDivisionError:
        pass
    finally:
        stop_timer()
    got += drain(r)
print("flushed in parts, every byte once, in order:", got == PATTERN)
wio.close()
os.close(r)
os.close(w)

# A handler that returns: the write goes on (here it empties the pipe each
# time, so the write ends).
received = []
r, w = os.pipe()
wio = io.open(w, "wb", closefd=False)
interrupt_when_full(w, lambda: received.append(drain(r)))
try:
    print("write with a draining handler returns", wio.write(PATTERN))
    wio.flush()
finally:
    stop_timer()
received.append(drain(r))
print("the handler ran:", len(received) > 1, "- every byte once, in order:", b"".join(received) == PATTERN)
wio.close()
os.close(r)
os.close(w)

# os.write: the partial count comes back, then the handler runs.
r, w = os.pipe()
interrupt_when_full(w, divide)
try:
    os.write(w, PATTERN)
    for i in range(10 ** 8):
        pass                  # the handler raises here, at the latest
    print("os.write: no handler ran")
except ZeroDivisionError as e:
    print("os.write: ZeroDivisionError:", e)
finally:
    stop_timer()
os.close(r)
os.close(w)

# Reads: a blocked read is interrupted (EINTR); the handler writes more,
# returns, and the read is retried (CPython's check_interrupted_read_retry).
for mode in ("rb", "r"):
    r, w = os.pipe()
    def feed(signum, frame):
        os.write(w, b"bar")
    signal.signal(signal.SIGALRM, feed)
    rio = io.open(r, mode, closefd=False, **({"encoding": "latin-1"} if mode == "r" else {}))
    os.write(w, b"foo")
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        print(mode, "read:", rio.read(6))
    finally:
        stop_timer()
    rio.close()
    os.close(r)
    os.close(w)

# os.read and a FileIO read interrupted by a handler that raises.
for name, read in (("os.read", os.read), ("FileIO.read", lambda fd, n: io.FileIO(fd, closefd=False).read(n))):
    r, w = os.pipe()
    signal.signal(signal.SIGALRM, lambda signum, frame: divide())
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        read(r, 10)
    except ZeroDivisionError as e:
        print(name, "interrupted: ZeroDivisionError:", e)
    finally:
        stop_timer()
    os.close(r)
    os.close(w)


# ---- reentrance: a handler that calls the file whose write it interrupted,
# its buffer half-updated, is refused.

def shown(exc, w):
    return "%s: %s" % (type(exc).__name__, str(exc).replace("name=%d>" % w, "name=W>"))


def close_draining(f, r, w):
    """Close f, whose buffer may hold more than the pipe: a handler that
    empties the pipe whenever it is full lets the flush go on."""
    interrupt_when_full(w, lambda: drain(r))
    try:
        f.close()
    finally:
        stop_timer()
    drain(r)


def reenter(title, r, w, write, again):
    """write() blocks on the full pipe; the handler calls again(), another
    call to the same file."""
    interrupt_when_full(w, lambda: (again(), print(title, "the handler's call returned")))
    try:
        write()
        print(title, "finished?")
    except RuntimeError as e:
        print(title, shown(e, w))
    finally:
        stop_timer()
    drain(r)


# Straight from write() to the raw stream, and the handler writes.
r, w = os.pipe()
wio = io.open(w, "wb", closefd=False)
reenter("write/write:", r, w, lambda: wio.write(PATTERN), lambda: wio.write(b"again"))
# The object is usable afterwards: the refusal left nothing locked.
wio.write(b"after")
wio.flush()
print("then:", drain(r))
wio.close()

# flush() of a full buffer interrupted; the handler flushes, or closes.
for name in ("flush", "close"):
    wio = io.open(w, "wb", buffering=2 * len(PATTERN), closefd=False)
    wio.write(PATTERN)
    reenter("flush/%s:" % name, r, w, wio.flush, getattr(wio, name))
    print("  closed:", wio.closed)
    close_draining(wio, r, w)

# Through a text file: its write reaches the same buffered writer.
tio = io.open(w, "w", encoding="ascii", closefd=False)
reenter("text write/write:", r, w, lambda: tio.write("xy" * 500000),
        lambda: tio.buffer.write(b"again"))
close_draining(tio, r, w)
os.close(r)
os.close(w)

# A handler writing to another buffered file is no reentrance.
r, w = os.pipe()
r2, w2 = os.pipe()
wio = io.open(w, "wb", closefd=False)
other = io.open(w2, "wb", closefd=False)
def to_other():
    other.write(b"from the handler")
    other.flush()
    divide()
interrupt_when_full(w, to_other)
try:
    wio.write(PATTERN)
except ZeroDivisionError as e:
    print("other file:", shown(e, w), drain(r2))
finally:
    stop_timer()
drain(r)
for f in (wio, other):
    f.close()
for fd in (r, w, r2, w2):
    os.close(fd)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
