# Ctrl-C while sys.stdin.readline() waits: KeyboardInterrupt, caught.
import sys
try:
    print("ready", flush=True)
    sys.stdin.readline()
except KeyboardInterrupt:
    print("interrupted while reading")
