# io: sys.stdout/stderr/stdin as TextIOWrappers — .buffer writes interleaved with print, print(file=...), redirection, flush, attributes
import io
import sys

print("start")
sys.stdout.write("written\n")
sys.stdout.buffer.write(b"raw bytes\n")
print("after", end="")
sys.stdout.buffer.write(b"|")
print(" end")
sys.stdout.writelines(["a", "b\n"])
print(sys.stdout.write("count\n"))
print(sys.stdout.buffer.write(b"n\n"))
print(type(sys.stdout).__name__, sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)
print(sys.stderr.name, sys.stderr.mode, sys.stderr.encoding, sys.stderr.errors, sys.stderr.line_buffering)
print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.readable(), sys.stdout.writable())
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.buffer.name, sys.stdout.buffer.mode)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase))
sys.stdout.flush()
print("flushed", flush=True)

buf = io.StringIO()
print("to", "buffer", sep="-", end="!\n", file=buf)
print(1, 2.5, None, [3], file=buf)
print(repr(buf.getvalue()))

saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
sys.stdout.write("also\n")
text = sys.stdout.getvalue()
sys.stdout = saved
print(repr(text))

sys.stdout = None
print("vanishes")
sys.stdout = saved

class Tee:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
tee = Tee()
print("x", "y", file=tee, flush=True)
print(tee.parts)
sys.stdout = tee
print("via sys")
sys.stdout = saved
print(tee.parts)

try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError", e)

enc = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
print("line", file=enc)
enc.flush()
print(enc.buffer.getvalue())

print("stdin:", sys.stdin.read())
print(input.__name__)
for i in range(3):
    print(i, end=" ")
print()
sys.stdout.reconfigure(line_buffering=False)
print(sys.stdout.line_buffering)
print("done")
