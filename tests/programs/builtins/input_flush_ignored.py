# input(): a sys.stdout whose flush fails (or is missing) does not stop it; the prompt is still written
import io, sys
class NoFlush:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
class BadFlush(NoFlush):
    def flush(self): raise OSError("no flush")
for cls in (NoFlush, BadFlush):
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin = io.StringIO("line one\nline two")
    sys.stdout = out = cls()
    try:
        a = input("prompt> ")
        b = input()
    finally:
        sys.stdin, sys.stdout = old_in, old_out
    print(cls.__name__, repr(a), repr(b), out.parts)
