# signal.signal(SIGINT, SIG_IGN): Ctrl-C does nothing; the sleep ends on
# its own and the program exits normally.  The handler it replaced was
# default_int_handler.
import _signal as signal
import time

old = signal.signal(signal.SIGINT, signal.SIG_IGN)
print(old is signal.default_int_handler, signal.getsignal(signal.SIGINT))
print("ready", flush=True)
time.sleep(1.5)
print("still running")
