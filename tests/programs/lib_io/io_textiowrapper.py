# io: TextIOWrapper over BytesIO and buffered streams — encodings, newlines, line_buffering, write_through, reconfigure, tell/seek, IncrementalNewlineDecoder
import io

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8")
print(t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines, t.buffer is raw)
print(t.write("héllo\n"), raw.getvalue())
t.flush()
print(raw.getvalue())
print(t.seekable(), t.readable(), t.writable(), t.closed)
t.seek(0)
print(repr(t.read()), t.tell())
t.seek(0)
print(repr(t.readline()), t.tell())
attempt(lambda: t.seek(1, 1))
attempt(lambda: t.seek(1, 2))
attempt(lambda: t.seek(0, 3))
attempt(lambda: t.seek(-1))
attempt(lambda: t.write(b"x"))
print(t.seek(0, 2), t.seek(0, 1))

lb = io.TextIOWrapper(io.BytesIO(), encoding="ascii", line_buffering=True)
lb.write("no newline")
print(lb.buffer.getvalue())
lb.write(" now\n")
print(lb.buffer.getvalue())
wt = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", write_through=True)
wt.write("é")
print(wt.buffer.getvalue())

inp = io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\rthree\nfour"), encoding="utf-8")
print(inp.readlines(), inp.newlines)
inp = io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\rthree\nfour"), encoding="utf-8", newline="")
print(inp.readlines(), inp.newlines)
inp = io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\rthree\nfour"), encoding="utf-8", newline="\r")
print(inp.readlines())
out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
out.write("a\nb\n")
out.flush()
print(out.buffer.getvalue())

r = io.TextIOWrapper(io.BytesIO("a€b\nc\nd".encode()), encoding="utf-8")
print(repr(r.read(2)), r.tell(), repr(r.read(1)), r.tell(), repr(r.readline()), r.tell())
pos = r.tell()
print(repr(r.readline()), r.seek(pos), repr(r.read()))

r = io.TextIOWrapper(io.BytesIO(b"x\r\ny\r\nz"), encoding="utf-8")
print(repr(r.readline()), r.tell(), repr(r.readline()), r.tell(), repr(r.read()))

small = io.TextIOWrapper(io.BytesIO((("ab€" * 50 + "\n") * 3).encode()), encoding="utf-8")
small._CHUNK_SIZE = 7
print(small._CHUNK_SIZE, [len(line) for line in small], small.tell())

bad = io.TextIOWrapper(io.BytesIO(b"ok\xffno"), encoding="utf-8")
attempt(bad.read)
bad = io.TextIOWrapper(io.BytesIO(b"ok\xffno"), encoding="utf-8", errors="replace")
print(repr(bad.read()))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding="ascii").write("é"))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), newline="x"))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), newline=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), errors=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding="nope"))

rc = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
rc.write("a\n")
rc.reconfigure(encoding="latin-1", newline="\r\n", line_buffering=True)
print(rc.encoding, rc.errors, rc.line_buffering)
rc.write("é\n")
print(rc.buffer.getvalue())
rc.reconfigure(write_through=True, errors="replace")
print(rc.write_through, rc.errors)
attempt(lambda: rc.reconfigure(5))

d = rc.detach()
print(type(d).__name__, d.getvalue())
attempt(lambda: rc.write("x"))
attempt(lambda: rc.encoding)
print(repr(rc)[:25])

c = io.TextIOWrapper(io.BytesIO(b"data"), encoding="utf-8")
c.close()
print(c.closed)
attempt(c.read)
attempt(lambda: c.write("x"))
attempt(c.tell)

dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode("a\r")), dec.getstate(), repr(dec.decode("\nb\r")), repr(dec.decode("", final=True)), dec.newlines)
dec.reset()
print(dec.newlines, dec.getstate())
dec = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(dec.decode("x\r\ny\rz\n", final=True)), dec.newlines)
dec.setstate((b"", 1))
print(repr(dec.decode("\n")), dec.getstate())

class Recorder(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)
rec = Recorder()
w = io.TextIOWrapper(io.BufferedWriter(rec), encoding="utf-8")
w.write("to a raw stream\n")
w.flush()
print(rec.chunks)

class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
src = Source(b"line one\nline two\n")
print(src.read(2), src.readall())
br = io.BufferedReader(Source(b"alpha\nbeta\n"))
print(br.readline(), br.read())
tw = io.TextIOWrapper(io.BufferedReader(Source(b"x\ny\n")), encoding="ascii")
print(list(tw))
