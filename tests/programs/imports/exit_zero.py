# sys.exit(0): status 0, nothing on stderr.
import sys
print("leaving")
sys.exit(0)
print("not reached")
