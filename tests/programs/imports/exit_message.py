# sys.exit("msg"): the message on stderr, status 1; stdout flushed first.
import sys
print("before")
sys.exit("fatal: giving up")
