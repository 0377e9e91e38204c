# TextIOWrapper.read(n) and readline(n) with n far beyond the text (up to sys.maxsize) give what there is, as CPython's over a BytesIO, where pvm asked for a block of n characters and stopped ("out of memory"); StringIO and BytesIO alike; texts of every size around the chunk
import io
import sys

for label, n in (("maxsize", sys.maxsize), ("maxsize//3", sys.maxsize // 3), ("10**6", 10 ** 6),
                 ("5", 5)):
    t = io.TextIOWrapper(io.BytesIO("h\u00e9llo\nworld\n".encode()), encoding="utf-8")
    print(label, repr(t.read(n)), repr(t.read(n)))
    t = io.TextIOWrapper(io.BytesIO(b"line one\nline two\n"), encoding="ascii")
    print(label, repr(t.readline(n)), repr(t.read(n)))
    print(label, repr(io.StringIO("abc").read(n)), repr(io.BytesIO(b"abc").read(n)))

for size in (0, 1, 8191, 8192, 8193, 70000, 200001):
    text = "".join(chr(97 + i % 26) if i % 50 else "\u03bb" for i in range(size))
    t = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    got = t.read(sys.maxsize)
    t2 = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    parts = [t2.read(size // 3 + 1) for _ in range(4)]
    print(size, got == text, "".join(parts) == text, [len(p) for p in parts])
