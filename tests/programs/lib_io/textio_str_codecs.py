# TextIOWrapper over codecs other than UTF-8 (latin-1, utf-16, a CJK
# codec, utf-8-sig) and under error handlers (surrogateescape, replace,
# ignore): lines, read(n), tell/seek; then a file opened "r+" written and
# read through the same wrapper.
import io, os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "c.txt")
text = "".join("%d caf\u00e9 \u00fc\u00df %s\n" % (i, "\u00e0" * (i % 5)) for i in range(3000))
cjk = "".join("%d \u65e5\u672c\u8a9e \u3072\u3089\u304c\u306a %s\n" % (i, "\u6f22" * (i % 3))
              for i in range(1500))
for enc, t in (("latin-1", text), ("utf-16", text), ("utf-16-le", text), ("shift_jis", cjk),
               ("euc_jp", cjk), ("gbk", cjk), ("big5", cjk.replace("\u3072\u3089\u304c\u306a", "\u4e2d\u6587")),
               ("utf-8-sig", text), ("cp1252", text)):
    with open(path, "w", encoding=enc) as f:
        f.write(t)
    with open(path, encoding=enc) as f:
        lines = f.readlines()
        print(enc, len(lines), sum(map(len, lines)), ascii(lines[7]), ascii(lines[-1]))
    with open(path, encoding=enc) as f:
        f.readline()
        a = f.read(13)
        p = f.tell()
        b = f.readline()
        f.seek(p)
        print("  ", ascii(a), f.readline() == b, ascii(b))
        f.read(5000)
        p = f.tell()
        c = f.read(7)
        f.seek(p)
        print("  ", ascii(c), f.read(7) == c)

# undecodable bytes under the handlers
raw = b"ok \xff\xfe line\nsecond \xc3\xa9 \xe2\x82\n\xed\xa0\x80 third\n" * 1000
with open(path, "wb") as f:
    f.write(raw)
for errors in ("surrogateescape", "replace", "ignore", "backslashreplace"):
    with open(path, encoding="utf-8", errors=errors) as f:
        lines = list(f)
        print(errors, len(lines), ascii(lines[:3]))
    with open(path, encoding="utf-8", errors=errors) as f:
        f.read(10)
        p = f.tell()
        x = f.read(30)
        f.seek(p)
        print("  ", p, ascii(x), f.read(30) == x)
with open(path, encoding="ascii", errors="surrogateescape") as f:
    print("ascii", ascii(f.readline()))

# write then read through one wrapper
with open(path, "w", encoding="utf-8") as f:
    f.write("first \u00e9\nsecond \u20ac\nthird\n")
with open(path, "r+", encoding="utf-8") as f:
    print(ascii(f.readline()))
    p = f.tell()
    f.seek(p)
    f.write("SECOND \u00e9\u00e9")
    f.seek(0)
    print(ascii(f.read()))
    print(f.seek(0, 2), f.write("fourth \U0001F600\n"), f.tell())
    f.seek(0)
    print(ascii(f.readlines()))
    f.seek(p)
    print(ascii(f.read(8)), ascii(f.readline()))
with open(path, "w+", encoding="utf-16") as f:
    f.write("a\u00e9\nb\n")
    f.seek(0)
    print(ascii(f.read()), f.tell())
    f.write("c\u20ac\n")
    f.seek(0)
    print(ascii(f.readlines()))
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", newline="\r\n")
t.write("x\u00e9\ny\n")
t.flush()
print(b.getvalue())
t.seek(0)
print(ascii(t.read()))
import shutil; shutil.rmtree(d)
