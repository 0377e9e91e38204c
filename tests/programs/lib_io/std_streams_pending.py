# The standard streams and the io types' attributes before anything fills
# their types' dicts: start-up's own calls (readable(), flush(), name, mode)
# run the C methods without filling, and a program must see the same
# attributes, the same instance dicts and the same shadowing as CPython.
import _io, io, os, sys, tempfile

# (under PYTHONUNBUFFERED sys.stdout.buffer is the FileIO itself)
out_raw = getattr(sys.stdout.buffer, 'raw', sys.stdout.buffer)

# First touches: a getset, an instance attribute, methods found further
# along the MRO, a missing name.
print(sys.stderr.closed, out_raw.closed)
print(sys.stdout.name, sys.stdout.mode, sys.stderr.name, sys.stdin.mode)
print(sys.stdout.buffer.name, out_raw.name, sys.stdout.buffer.mode)
print(sorted(vars(sys.stdout)), sorted(vars(out_raw)))
print(hasattr(out_raw, 'read1'), hasattr(sys.stdout.buffer, 'read1'),
      hasattr(out_raw, 'nosuchname'))
print(out_raw.readable(), sys.stdout.buffer.writable(), sys.stdout.isatty())
try:
    sys.stdout.nosuchname
except AttributeError as e:
    print('AttributeError:', e)

# The types' dicts, once filled, hold what CPython's do.
for t in (io.FileIO, io.BufferedReader, io.TextIOWrapper,
          _io._IOBase, _io._RawIOBase, _io._TextIOBase):
    d = vars(t)
    print(t.__name__, 'readable' in d, 'flush' in d, 'closed' in d, 'read1' in d, 'name' in d)
print(io.FileIO.readable, _io._IOBase.flush)

# An instance attribute hides a method of the type: BufferedReader asks
# raw.readable() through the instance.
path = os.path.join(tempfile.mkdtemp(), 'f.bin')
with open(path, 'wb') as f:
    f.write(b'abc\n')
raw = io.FileIO(path, 'rb')
vars(raw)['readable'] = lambda: False
try:
    io.BufferedReader(raw)
except Exception as e:
    print(type(e).__name__, e)
raw.close()

# TextIOWrapper asks its buffer readable/writable/seekable and whether it
# has read1: a subclass answering otherwise is believed.
class NoRead1(io.BufferedReader):
    read1 = None
class Unseekable(io.BytesIO):
    def seekable(self):
        print('seekable asked')
        return False
t = io.TextIOWrapper(Unseekable(b'x\ny\n'))
print(t.seekable(), t.readline())
t = io.TextIOWrapper(NoRead1(io.FileIO(path, 'rb')))
print(t.read(), t.buffer.read1)
t.close()
os.remove(path)
print('end')
