# read() to the end of a BufferedReader over a FileIO (what importlib's
# get_data does for every pyc): the read-ahead first, then the rest of the
# file in one bytes; also FileIO.readall() from the middle of a file, at
# its end, on an empty file, on a pipe longer than one buffer, and on a
# non-blocking pipe with nothing (None) or something in it.
import io
import os
import tempfile

data = bytes(range(256)) * 300 + b'tail'           # 76,804 bytes

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f.bin')
    with open(path, 'wb') as f:
        f.write(data)
    empty = os.path.join(d, 'empty.bin')
    open(empty, 'wb').close()

    with open(path, 'rb') as f:                     # whole file at once
        got = f.read()
        print(type(got).__name__, len(got), got == data, f.read(), f.tell())

    with open(path, 'rb') as f:                     # read-ahead, then the rest
        head = f.read(10)
        rest = f.read()
        print(head == data[:10], len(rest), head + rest == data, f.tell())

    with open(path, 'rb') as f:                     # peek fills the buffer only
        f.peek(1)
        print(len(f.read()) == len(data), f.read(-1), f.read(None))

    with open(path, 'rb') as f:                     # after a seek
        f.seek(-4, io.SEEK_END)
        print(f.read())
        f.seek(70000)
        print(len(f.read()), f.read(5))

    with open(path, 'rb', buffering=16) as f:       # a buffer smaller than a read
        print(f.read(20) == data[:20], len(f.read()) == len(data) - 20)

    with open(empty, 'rb') as f:
        print(f.read(), f.raw.readall())

    with open(path, 'rb', buffering=0) as f:        # FileIO itself
        f.seek(100)
        got = f.readall()
        print(type(got).__name__, len(got), got == data[100:], f.readall(), f.read())

    with open(path, 'r+b') as f:                    # a pending write is flushed first
        f.write(b'XY')
        print(f.read(3) == data[2:5], len(f.read()) == len(data) - 5)
    with open(path, 'rb') as f:
        print(f.read(4))

r, w = os.pipe()
big = b'p' * 100000
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, big)
    os._exit(0)
os.close(w)
with open(r, 'rb') as f:
    got = f.read()
    print(len(got), got == big)
os.waitpid(pid, 0)

r, w = os.pipe()
os.set_blocking(r, False)
with open(r, 'rb') as f:
    print(f.read())                                 # nothing yet: None
    os.write(w, b'abc')
    print(f.read())                                 # what there is, no end yet
    os.write(w, b'defgh')
    print(f.read(2), f.read())                      # read-ahead then the rest
    os.close(w)
    print(f.read())

with open(os.path.abspath(__file__), 'rb') as f:
    f.close()
    try:
        f.read()
    except ValueError as e:
        print('ValueError', e)
