# A Python handler for SIGUSR1 runs (in the main thread, with the signal
# number) when the process signals itself; then Ctrl-C still raises
# KeyboardInterrupt through SIGINT's default_int_handler.
import _signal as signal
import posix

seen = []

def on_usr1(signum, frame):
    seen.append(signum)

print(signal.signal(signal.SIGUSR1, on_usr1))
posix.kill(posix.getpid(), signal.SIGUSR1)
for i in range(1000):
    pass
print("seen", seen == [signal.SIGUSR1])
signal.raise_signal(signal.SIGUSR1)
print("seen twice", seen == [signal.SIGUSR1] * 2)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print("ready", flush=True)
while True:
    pass
