# The io classes' own dicts as CPython's: a BufferedWriter has no read, read1, peek, readline, readable or __next__ of its own (_BufferedIOBase's and _IOBase's answer: UnsupportedOperation, False), a BufferedReader no write or writable
import io, os, tempfile
# Names CPython has that pvm does not define (yet): the ResourceWarning hook.
IMPL = {'_dealloc_warn', '__getattribute__'}
for T in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
          io._BufferedIOBase, io._IOBase, io._RawIOBase, io._TextIOBase, io.FileIO,
          io.TextIOWrapper, io.IncrementalNewlineDecoder):
    print(T.__name__, sorted(set(vars(T)) - IMPL))
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'wb') as f:
    f.write(b'ab\ncd\n')
w = open(p, 'ab')
print(type(w).__name__, w.readable(), w.writable())
for name in ('read', 'read1', 'peek', 'readline', 'readinto', 'readinto1'):
    try:
        m = getattr(w, name)
        print(name, m(bytearray(2)) if name.startswith('readinto') else m(1))
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    print(next(w))
except Exception as e:
    print('next', type(e).__name__, e)
try:
    print(list(w))
except Exception as e:
    print('list', type(e).__name__, e)
w.close()
r = open(p, 'rb')
print(type(r).__name__, r.readable(), r.writable(), list(r))
try:
    r.write(b'x')
except Exception as e:
    print('write', type(e).__name__, e)
r.close()
os.remove(p); os.rmdir(d)
