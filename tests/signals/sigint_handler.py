# A Python handler for SIGINT replaces KeyboardInterrupt: it runs at the
# loop's back edge and the loop stops on the flag it sets.
import _signal as signal

stop = []
signal.signal(signal.SIGINT, lambda signum, frame: stop.append(signum))
print("ready", flush=True)
n = 0
while not stop:
    n += 1
print("stopped by", stop)
