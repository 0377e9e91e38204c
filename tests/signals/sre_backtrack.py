# Ctrl-C stops the regular-expression engine in catastrophic backtracking
# ((x+x+)+y against x's: exponential time), polled as CPython polls its
# signal handlers.
import re

pattern = re.compile(r"(x+x+)+y")
print("ready", flush=True)
print(pattern.match("x" * 60))
