# io: error messages as CPython's — bad modes and arguments to open(), closed files, unsupported operations, missing files
import io
import os

path = "/tmp/pvm_lib_io_err_%d.txt" % os.getpid()

def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

with open(path, "w") as f:
    f.write("content\n")

for mode in ("rw", "q", "rbt", "U", "rr", "r+b+", "", "bt", "tb+", "xa", "wb+", "a+", "rt"):
    attempt(lambda: open(path, mode).close())
attempt(lambda: open(path, "rb", encoding="utf-8"))
attempt(lambda: open(path, "rb", errors="strict"))
attempt(lambda: open(path, "rb", newline=""))
attempt(lambda: open(path, "r", newline="x"))
attempt(lambda: open(path, "r", buffering=0))
attempt(lambda: open(path, 1))
attempt(lambda: open(path, "r", encoding=5))
attempt(lambda: open(path, "r", buffering="big"))
attempt(lambda: open(1.5))
attempt(lambda: open([]))
attempt(lambda: open(path, closefd=False))
attempt(lambda: open("/dev/null/nope"))
attempt(lambda: open("/nonexistent-dir/file"))
attempt(lambda: open("/tmp", "r"))
attempt(lambda: io.FileIO(path, "rt"))
attempt(lambda: io.FileIO(path, "rw"))
attempt(lambda: io.FileIO(-1))
attempt(lambda: io.open_code(b"x"))

f = open(path)
attempt(lambda: f.write("x"))
attempt(f.truncate)
f.close()
for name in ("read", "readline", "readlines", "tell", "seekable", "readable", "writable",
             "fileno", "isatty", "flush", "__enter__", "__next__"):
    attempt(getattr(f, name))
attempt(lambda: f.seek(0))
attempt(lambda: f.write("x"))
print(f.closed, f.close())

f = open(path, "rb")
attempt(lambda: f.write(b"x"))
attempt(f.truncate)
f.close()
for name in ("read", "read1", "peek", "readline", "tell", "flush", "fileno", "isatty"):
    attempt(getattr(f, name))
attempt(lambda: f.seek(0))

f = open(path, "wb")
attempt(f.read)
f.close()
attempt(lambda: f.write(b"x"))
attempt(f.flush)

f = open(path, "rb", buffering=0)
attempt(lambda: f.write(b"x"))
f.close()
for name in ("read", "readall", "tell", "fileno", "isatty", "seekable"):
    attempt(getattr(f, name))
print(repr(f))

base = io.IOBase()
for name in ("fileno", "truncate", "tell"):
    attempt(getattr(base, name))
attempt(lambda: base.seek(0))
print(base.readable(), base.writable(), base.seekable(), base.isatty(), base.closed)
base.close()
attempt(base.flush)
attempt(lambda: io.RawIOBase().read())
attempt(lambda: io.BufferedIOBase().read())
attempt(lambda: io.BufferedIOBase().write(b""))
attempt(lambda: io.TextIOBase().read())
attempt(lambda: io.TextIOBase().detach())
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.text_encoding("x"))
os.remove(path)

# A pipe whose reader is gone: BrokenPipeError (SIGPIPE is ignored, as in CPython).
import posix
r, w = posix.pipe()
posix.close(r)
raw_pipe = open(w, "wb", buffering=0, closefd=False)
attempt(lambda: raw_pipe.write(b"lost"))
text_pipe = open(w, "w", closefd=False)
text_pipe.write("buffered")
attempt(text_pipe.flush)
attempt(text_pipe.close)
posix.close(w)
