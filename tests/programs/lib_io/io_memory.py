# io: BytesIO and StringIO — the whole API, newline modes, positions past the end, closed streams, subclasses
import io

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(b"hello\nworld\n")
print(b.read(3), b.tell(), b.read(), b.read(), b.tell())
print(b.seek(0), b.readline(), b.readline(), b.readline())
print(b.seek(2), b.read1(2), b.read1(), b.seek(0), b.readlines(), b.seek(0), b.readlines(3))
print(b.seek(20), b.write(b"!"), b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(-1, 1), b.read())
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b.seek(1)
print(b.write(bytearray(b"EL")), b.getvalue())
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf, b.readinto1(buf), buf)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
attempt(lambda: b.write("str"))
attempt(lambda: b.seek(-1))
attempt(lambda: b.seek(0, 3))
attempt(lambda: b.truncate(-1))
view = b.getbuffer()
print(len(view), bytes(view), view[0])
view[0] = ord("J")
print(b.getvalue())
del view
print(list(io.BytesIO(b"a\nb\nc")))
b.writelines([b"1", b"2"])
print(b.getvalue())
b.close()
print(b.closed)
for op in ("read", "getvalue", "tell", "readline", "flush", "readable", "isatty"):
    attempt(getattr(b, op))
attempt(lambda: b.write(b"x"))
attempt(lambda: next(b))
with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
print(io.BytesIO().getvalue(), io.BytesIO(None).read(), io.BytesIO(initial_bytes=b"k").read())

s = io.StringIO("héllo\nwörld\n")
print(repr(s.read(3)), s.tell(), repr(s.read()), repr(s.read()), s.tell())
print(s.seek(0), repr(s.readline()), repr(s.readline()), repr(s.readline()))
print(s.seek(0), s.readlines(), s.seek(0, 2), s.seek(0, 1))
print(s.seek(20), s.write("!"), repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
print(s.seek(1), s.write("EL"), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering, s.newlines)
print(s.encoding, s.errors)
attempt(lambda: s.write(b"bytes"))
attempt(lambda: s.seek(-1))
attempt(lambda: s.seek(1, 1))
attempt(lambda: s.seek(1, 2))
attempt(lambda: s.seek(0, 3))
attempt(lambda: s.truncate(-1))
attempt(lambda: io.StringIO(1))
attempt(lambda: io.StringIO(newline="x"))
attempt(lambda: io.StringIO(newline=1))
print(list(io.StringIO("a\nb\nc")), io.StringIO().getvalue() == "")
s.writelines(["x", "y"])
print(repr(s.getvalue()))
s.close()
print(s.closed)
for op in ("read", "getvalue", "tell", "readline"):
    attempt(getattr(s, op))
attempt(lambda: s.write("x"))

for nl in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    v = s.getvalue()
    s.seek(0)
    print(repr(nl), repr(v), s.readlines(), s.newlines)
s = io.StringIO("a\r\nb", newline=None)
print(repr(s.getvalue()), s.newlines)

class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())
u = Upper()
print(u.write("shout"), u.getvalue(), isinstance(u, io.StringIO), isinstance(u, io.TextIOBase))
print(u.__class__.__name__, type(u).__mro__[1].__name__)

class Counted(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = 0
    def read(self, n=-1):
        self.reads += 1
        return super().read(n)
c = Counted(b"abc")
print(c.read(1), c.read(), c.reads)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
