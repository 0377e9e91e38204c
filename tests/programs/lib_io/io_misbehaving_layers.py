# io: non-text codecs refused by TextIOWrapper, a decoder's bad getstate(), errors after detach, a raw stream's invalid seek position or non-int readinto count, readinto1's one direct raw read
import codecs
import io


def attempt(label, f):
    try:
        print(label, f())
    except (LookupError, TypeError, ValueError, OSError) as e:
        cause = e.__cause__
        print(label, type(e).__name__, e, "cause:", type(cause).__name__ if cause else None)


attempt("hex", lambda: io.TextIOWrapper(io.BytesIO(), encoding="hex"))
attempt("rot13", lambda: io.TextIOWrapper(io.BytesIO(), encoding="rot_13"))
attempt("cp1252", lambda: io.TextIOWrapper(io.BytesIO("h\xe9".encode("cp1252")), encoding="cp1252").read())


class BadDecoder:
    def __init__(self, state):
        self.state = state

    def getstate(self):
        return self.state

    def decode(self, data, final=False):
        return data.decode("ascii")


def search(name):
    if name.startswith("bad_state_"):
        state = {"int": 42, "empty": (), "pair": (1, 2), "good": (b"", 0)}[name[10:]]
        return codecs.CodecInfo(None, None, name=name,
                                incrementaldecoder=lambda errors="strict": BadDecoder(state))
    return None


codecs.register(search)
for kind in ("int", "empty", "pair", "good"):
    t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"abc")), encoding="bad_state_" + kind)
    attempt(kind, lambda: t.read(2))

t = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
t.detach()
print(t.errors, t.encoding, t.line_buffering, repr(t))


class Misbehaved(io.BytesIO):
    def seek(self, pos, whence=0):
        return -123

    def tell(self):
        return -456


b = io.BufferedReader(Misbehaved(b"abc"))
attempt("seek", lambda: b.seek(0))
attempt("tell", lambda: b.tell())

raw = io.BufferedReader(io.BytesIO(b"12"))
raw.readinto = lambda buf: b""
attempt("readline", lambda: io.BufferedReader(raw).readline())


class Chunks(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.reads = 0

    def readable(self):
        return True

    def readinto(self, buf):
        self.reads += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        buf[:len(data)] = data
        return len(data)


raw = Chunks([b"abc", b"de", b"fgh", b"jkl", b"mn"])
b = io.BufferedReader(raw, buffer_size=4)
buf = bytearray(2)
print(b.readinto1(buf), bytes(buf), raw.reads)
print(b.readinto1(buf), bytes(buf[:1]), raw.reads)
big = bytearray(10)
print(b.peek(1)[:3], raw.reads)
print(b.readinto1(big), bytes(big), raw.reads)
print(b.readinto1(big), bytes(big[:2]), raw.reads)
