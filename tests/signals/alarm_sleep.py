# signal.alarm's SIGALRM interrupts time.sleep: the handler's exception ends
# the sleep; a handler that returns lets the sleep go on (PEP 475); an
# interval timer's SIGALRM reaches a busy loop.  Then Ctrl-C as usual.
import _signal as signal
import time

class Alarm(Exception):
    pass

def raise_alarm(signum, frame):
    raise Alarm(signum)

signal.signal(signal.SIGALRM, raise_alarm)
print(signal.alarm(1))
start = time.monotonic()
try:
    time.sleep(30)
except Alarm as e:
    print("sleep interrupted by", e.args[0] == signal.SIGALRM)
print("in time", time.monotonic() - start < 10)

count = []
signal.signal(signal.SIGALRM, lambda s, f: count.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
time.sleep(0.3)
print("slept on", time.monotonic() - start >= 0.29, count == [signal.SIGALRM])

signal.signal(signal.SIGALRM, raise_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Alarm:
    print("loop interrupted")
print("ready", flush=True)
time.sleep(60)
