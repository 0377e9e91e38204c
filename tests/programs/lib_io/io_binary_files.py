# io: binary files — BufferedReader/Writer/Random and unbuffered FileIO: read sizes, readinto, peek/read1, seek/tell/truncate, raw access
import io
import os

path = "/tmp/pvm_lib_io_bin_%d.bin" % os.getpid()

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

with open(path, "wb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.mode, f.raw.mode, f.name == path)
    print(f.write(b"0123456789"), f.write(bytearray(b"abc")), f.write(memoryview(b"XYZ")))
    print(f.tell(), f.writable(), f.readable(), f.seekable())
    f.writelines([b"\nline2\n", b"line3"])

with open(path, "rb") as f:
    print(type(f).__name__, f.mode)
    print(f.read(4), f.tell())
    print(f.peek(2)[:2], f.tell())
    print(f.read1(3), f.tell())
    buf = bytearray(5)
    print(f.readinto(buf), buf, f.tell())
    print(f.readline(), f.readline(), f.readline(), f.readline())
    print(f.seek(0), f.read(), f.read(), f.read(3))
    print(f.seek(-5, 2), f.read())
    print(f.seek(2), f.seek(3, 1), f.read(2))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f))
    attempt(lambda: f.write(b"x"))
    attempt(lambda: f.read(-2))

with open(path, "r+b") as f:
    print(type(f).__name__, f.mode)
    print(f.read(3))
    f.write(b"!!")
    print(f.tell())
    f.seek(0)
    print(f.read(8))
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(10)
    f.write(b"Z")
    f.seek(0)
    print(f.read())

with open(path, "ab") as f:
    print(f.mode, f.tell())
    f.write(b"++")
with open(path, "rb") as f:
    print(f.read())

with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.readable(), f.writable())
    print(f.read(3), f.readall(), f.read(), f.tell())
    b = bytearray(4)
    f.seek(1)
    print(f.readinto(b), b)
with open(path, "wb", buffering=0) as f:
    print(f.write(b"raw"), f.tell())
print(open(path, "rb").read())

raw = io.FileIO(path, "w")
print(raw.write(b"hello"), raw.mode, raw.closefd)
raw.close()
print(raw.closed)
raw = io.FileIO(path)
print(raw.read(), raw.mode)
fd = raw.fileno()
print(isinstance(fd, int), raw.isatty())
raw.close()

holder = io.FileIO(path)
fd = holder.fileno()
f = open(fd, "rb", closefd=False)
print(f.read(), f.name == fd)
f.close()
print(holder.closed, holder.read(10) == b"")
holder.close()

# Large reads and writes through the buffer.
data = bytes(range(256)) * 100
with open(path, "wb", buffering=100) as f:
    for i in range(0, len(data), 77):
        f.write(data[i:i + 77])
with open(path, "rb", buffering=64) as f:
    got = b""
    while True:
        chunk = f.read(1000)
        if not chunk:
            break
        got += chunk
    print(got == data, len(got))
with open(path, "rb") as f:
    print(f.read() == data)

b = io.BufferedReader(io.BytesIO(b"a\nbb\nccc"), 2)
print(b.readline(), b.read(1), b.read(), b.raw.getvalue())
w = io.BufferedWriter(io.BytesIO(), 4)
print(w.write(b"abcdef"), w.write(b"g"), w.raw.getvalue())
w.flush()
print(w.raw.getvalue())
r = io.BufferedRandom(io.BytesIO(b"0123456789"))
print(r.read(3), r.write(b"xx"), r.tell(), r.seek(0), r.read())
pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable(), pair.closed)
attempt(lambda: io.BufferedReader(io.BytesIO(), 0))
attempt(lambda: io.BufferedWriter(open(path, "rb")))
os.remove(path)
