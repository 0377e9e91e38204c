# Ctrl-C ends select.select() waiting on a pipe nobody writes to, after a
# SIGALRM handler that returns has let the wait go on (PEP 475).
import _signal as signal
import posix
import select

r, w = posix.pipe()
signal.signal(signal.SIGALRM, lambda s, f: print("alarm handled", flush=True))
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(select.select([r], [], [], 0.3))
print("ready", flush=True)
select.select([r], [], [])
print("not reached")
