# A BufferedWriter over a non-blocking pipe: the write that would block
# raises BlockingIOError(EAGAIN, ..., characters_written) with what it kept,
# a flush that cannot write anything counts 0, and a read asking for more
# than memory could ever hold is a MemoryError (CPython allocates first).
import errno
import os


def fill(f, chunk):
    total = 0
    try:
        while True:
            total += f.write(b'x' * chunk)
    except BlockingIOError as e:
        print(chunk, type(e).__name__, e.errno == errno.EAGAIN, e.strerror,
              e.characters_written, len(e.args), e.args[2] == e.characters_written)
        print(str(e).endswith('write could not complete without blocking'))
        return total + e.characters_written


def drain(r):
    got = 0
    while True:
        try:
            got += len(os.read(r, 1 << 16))
        except BlockingIOError:
            return got


for bufsize, chunk in [(8, 1000), (8, 5), (4096, 1000), (100, 150), (64, 64)]:
    r, w = os.pipe()
    os.set_blocking(w, False)
    os.set_blocking(r, False)
    f = open(w, 'wb', buffering=bufsize)
    kept = fill(f, chunk)
    try:
        f.flush()
    except BlockingIOError as e:
        print('flush', e.errno == errno.EAGAIN, e.characters_written)
    got = drain(r)
    f.flush()
    got += drain(r)
    print(bufsize, chunk, got == kept)
    f.close()
    os.close(r)

r, w = os.pipe()
os.write(w, b'abc')
os.close(w)
for buffering in (0, -1):
    with open(r, 'rb', buffering=buffering, closefd=False) as g:
        try:
            print(g.read(2**40))
        except MemoryError as e:
            print('MemoryError', e.args)
with open(r, 'rb') as g:
    print(g.read(2))
    print(g.read(10))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_bnw.tmp')
try:
    with open(path, 'wb') as h:
        h.write(b'hello')
    with open(path, 'rb') as h:
        try:
            h.read(2**40)
        except MemoryError:
            print('MemoryError on a file')
        print(h.read(2**20))
finally:
    os.remove(path)
