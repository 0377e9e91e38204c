# TextIOWrapper.tell() and seek() with a stateful codec of Python's (utf-16, utf-32, iso2022_jp, a decoder holding bytes back), and with utf-8/latin-1 where a '\r' is pending, give CPython's cookies, packed from the safe start point, decoder flags, bytes to feed and characters to skip, and seek() back to them reads the same text.
import codecs
import io

TEXT = "hello wörld\r\n日本語テキスト\nabc\rend\n" * 3
JTEXT = TEXT.replace("ö", "o")


def roundtrip(enc, newline=None, chunk=16):
    data = (JTEXT if "jp" in enc or "jis" in enc else TEXT).encode(enc, "replace")
    cookies, ok = [], True
    for i in (0, 1, 2, 5, 13, 14, 20, 33, 40, 70):
        f = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=newline)
        f._CHUNK_SIZE = chunk
        f.read(i)
        c = f.tell()
        after = f.read(9)
        f.seek(c)
        ok = ok and f.read(9) == after
        cookies.append(c)
    print(enc, repr(newline), ok, cookies)


for enc in ("utf-16", "utf-32", "utf-16-be", "utf-8-sig", "iso2022_jp", "euc_jp", "shift_jis"):
    roundtrip(enc)
roundtrip("utf-16", newline="")
roundtrip("utf-16", newline="\r\n", chunk=7)
roundtrip("iso2022_jp", newline="", chunk=5)

# The C codecs: a '\r' held back by the newline decoder is in the cookie.
for enc in ("utf-8", "latin-1"):
    roundtrip(enc, chunk=8)
    roundtrip(enc, newline="", chunk=8)
    f = io.TextIOWrapper(io.BytesIO(JTEXT.encode(enc, "replace")), encoding=enc, newline="")
    f._CHUNK_SIZE = 4
    marks = []
    while f.readline():
        marks.append(f.tell())
    print(enc, marks, repr(f.newlines))

# Line by line.
f = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16")), encoding="utf-16")
marks = []
while True:
    marks.append(f.tell())
    if not f.readline():
        break
print(marks)
f.seek(marks[3])
print(repr(f.readline()), f.tell() == marks[4])
f.seek(0)
print(repr(f.read(3)), f.newlines)


# A decoder that holds back every byte until it sees b".", with flags of
# its own: tell() looks for where it holds nothing, and feeds bytes from
# there on.
class Words(codecs.IncrementalDecoder):
    def __init__(self, errors="strict"):
        super().__init__(errors)
        self.reset()

    def reset(self):
        self.held = b""
        self.words = 0

    def getstate(self):
        return self.held, self.words % 4

    def setstate(self, state):
        self.held, self.words = state

    def decode(self, data, final=False):
        out = []
        for b in data:
            if b == ord("."):
                out.append(self.held.decode("ascii").upper() + str(self.words % 4))
                self.held = b""
                self.words += 1
            else:
                self.held += bytes([b])
        if final and self.held:
            out.append(self.held.decode("ascii") + "!")
            self.held = b""
        return "".join(out)


def search(name):
    if name == "words_test":
        latin1 = codecs.lookup("latin-1")
        return codecs.CodecInfo(name="words_test", encode=latin1.encode, decode=None,
                                incrementaldecoder=Words)


codecs.register(search)
data = b"ab.cde.f.ghij.kl.mn"
whole = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="words_test").read()
print(repr(whole))
for i in range(len(whole) + 1):
    f = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="words_test")
    f._CHUNK_SIZE = 4
    head = f.read(i)
    c = f.tell()
    rest = f.read()
    f.seek(c)
    print(i, c, head + rest == whole, f.read() == rest)

# Cookies that cannot be.
f = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16")), encoding="utf-16")
for bad in (2 ** 200, -1):
    try:
        f.seek(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    f.seek(1 << 128 | 2)            # 2 characters to skip of no bytes
except OSError as e:
    print(type(e).__name__, e)
