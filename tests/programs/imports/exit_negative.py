# A negative status: -1 & 0xff = 255; True counts as 1 elsewhere.
import sys
try:
    sys.exit(True)
except SystemExit as e:
    print("code", e.code)
sys.exit(-1)
