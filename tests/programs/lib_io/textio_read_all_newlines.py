# read() of the rest of a text file, in every newline mode and C codec:
# translated or kept endings, the newlines attribute, a '\r' held back at
# the end of an earlier read(n) or readline(), non-ASCII text, bad bytes
# under each error handler, and read() after part was read.
import io, os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "t.txt")
samples = [b"", b"plain\n", b"a\r\nb\rc\nd", b"no ending", b"\r", b"\r\n", b"x\r",
           "caf\u00e9\r\n\u20ac\r\u00e9\n".encode(), b"\r\r\n\n\r", b"line\r\n" * 3000]
for data in samples:
    with open(path, "wb") as f:
        f.write(data)
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(path, encoding="utf-8", newline=newline) as f:
            text = f.read()
            print(repr(newline), ascii(text[:40]), len(text), f.newlines if newline in (None, "") else "-")
        with open(path, encoding="utf-8", newline=newline) as f:       # part, then the rest
            head = f.read(1)
            rest = f.read()
            print("  split", ascii(head), ascii(rest[:40]), len(rest), f.newlines if newline in (None, "") else "-")

# A '\r' ending the first chunk (8192 bytes), held back until the rest says
# whether '\n' follows.
with open(path, "wb") as f:
    f.write(b"x" * 8191 + b"\r\nrest\r")
with open(path, encoding="utf-8") as f:
    first = f.read(8191)
    print(len(first), ascii(f.read()), f.newlines)
with open(path, encoding="utf-8") as f:
    line = f.readline()
    print(len(line), ascii(f.read()), f.newlines)

for enc, data in (("latin-1", b"\xe9\r\n\xff"), ("ascii", b"ok\r\n"), ("utf-8", b"\xc3\xa9\r\n")):
    with open(path, "wb") as f:
        f.write(data)
    with open(path, encoding=enc) as f:
        print(enc, ascii(f.read()))
with open(path, "wb") as f:
    f.write(b"bad \xff\xfe byte\r\n")
for errors in ("strict", "replace", "ignore", "surrogateescape", "backslashreplace"):
    try:
        with open(path, encoding="utf-8", errors=errors) as f:
            print(errors, ascii(f.read()))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e)
with open(path, "wb") as f:
    f.write("\u00e9".encode()[:1])              # a sequence cut at the end
try:
    open(path, encoding="utf-8").read()
except UnicodeDecodeError as e:
    print("cut:", e)
print(ascii(io.TextIOWrapper(io.BytesIO(b"a\r\nb\r"), encoding="utf-8").read()))
import shutil; shutil.rmtree(d)
