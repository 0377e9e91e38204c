# print() and sys.stdout blocked on a full pipe are cut short by a signal, and Python's handlers run before the next write: one that raises ends the print (its exception propagates from print; a pvm that only retried write(2) hung here), one that returns lets the output go on, every byte once and in order (PEP 475).  The program points its own file descriptor 1 at a pipe it reads
import os
import select
import signal
import sys


def drain(r):
    """Everything the pipe holds now."""
    chunks = []
    while select.select([r], [], [], 0)[0]:
        chunks.append(os.read(r, 1 << 16))
    return b"".join(chunks)


def alarm_when_full(w, act):
    """Every 50 ms, act() if the pipe w is full: a write to it is blocked."""
    def tick(signum, frame):
        if not select.select([], [w], [], 0)[1]:
            act()
        signal.setitimer(signal.ITIMER_REAL, 0.05)
    signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, 0.05)


def stop_alarm():
    signal.setitimer(signal.ITIMER_REAL, 0)


def divide():
    1 / 0


def line(i):
    return "line %07d" % i


def stream(n):
    """What n lines printed one by one make."""
    return "".join(line(i) + "\n" for i in range(n)).encode()


saved_stdout = os.dup(1)


def to_pipe():
    sys.stdout.flush()
    r, w = os.pipe()
    os.dup2(w, 1)
    return r, w


def back(r, w):
    """Standard output again; what the buffer kept for the pipe goes there
    first (the pipe was emptied, it has room)."""
    got = drain(r)
    sys.stdout.flush()
    got += drain(r)
    os.dup2(saved_stdout, 1)
    os.close(r)
    os.close(w)
    return got


WRITERS = {
    "print": lambda s: print(s),
    "sys.stdout.write": lambda s: sys.stdout.write(s + "\n"),
    "sys.stdout.buffer.write": lambda s: sys.stdout.buffer.write(s.encode() + b"\n"),
}

# A handler that raises: the blocked write ends with its exception.
for name, write in WRITERS.items():
    r, w = to_pipe()
    alarm_when_full(w, divide)
    n = 0
    try:
        while n < 10 ** 7:
            write(line(n))
            n += 1
        outcome = "finished?"
    except ZeroDivisionError as e:
        outcome = "ZeroDivisionError: " + str(e)
    finally:
        stop_alarm()
    first = drain(r)
    got = first + back(r, w)
    print(name, "->", outcome)
    print("  the pipe filled up:", len(first) >= 4096)
    print("  it holds the start of the output:", len(got) > 0 and stream(n + 1).startswith(got))
    print("  no more than was written:", len(got) <= len(stream(n + 1)))

# A handler that returns (here it empties the pipe): the output goes on.
for name, write in WRITERS.items():
    received = []
    r, w = to_pipe()
    alarm_when_full(w, lambda: received.append(drain(r)))
    try:
        for i in range(12000):
            write(line(i))
        sys.stdout.flush()
    finally:
        stop_alarm()
    received.append(back(r, w))
    print(name, "with a draining handler: the handler ran:", len(received) > 1,
          "- every byte once, in order:", b"".join(received) == stream(12000))

# One large write, more than any buffer.
r, w = to_pipe()
alarm_when_full(w, divide)
big = "y" * (1 << 20)
try:
    print(big)
    outcome = "finished?"
except ZeroDivisionError as e:
    outcome = "ZeroDivisionError: " + str(e)
finally:
    stop_alarm()
got = back(r, w)
print("one large print ->", outcome)
print("  the pipe holds a part of it:", 0 < len(got) <= len(big) + 1 and (big + "\n").encode().startswith(got))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
print("done")
