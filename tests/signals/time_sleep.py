# Ctrl-C ends time.sleep at once with KeyboardInterrupt.
import time
print("ready", flush=True)
time.sleep(60)
print("not reached")
