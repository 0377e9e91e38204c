# Text files read line by line and in pieces, decoded as UTF-8 in chunks of
# 8192 bytes: characters of 2, 3 and 4 bytes cut by a chunk's end, and
# bytes that are not well-formed UTF-8 (a stray continuation, an overlong
# form, a surrogate, a code point past U+10FFFF, a cut sequence) under the
# error handlers; also a file whose newline is '\r' or '\r\n' only.
import os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "u.txt")
def write(data):
    with open(path, "wb") as f:
        f.write(data)

for width, ch in ((2, "\u00e9"), (3, "\u20ac"), (4, "\U0001F600")):
    pad = 8192 - 1                      # the character straddles the chunk boundary
    write(b"a" * pad + ch.encode() + b"\nnext " + ch.encode() * 3 + b"\n")
    with open(path, encoding="utf-8") as f:
        lines = list(f)
    print(width, len(lines), [len(x) for x in lines], ascii(lines[0][-3:]), ascii(lines[1]))
    with open(path, encoding="utf-8") as f:
        print("  read(8192):", ascii(f.read(8192)[-2:]), ascii(f.readline()), ascii(f.read(3)))

bad = [b"ok\n\x80stray\n", b"ok\n\xc0\x80overlong\n", b"ok\n\xed\xa0\x80surrogate\n",
       b"ok\n\xf4\x90\x80\x80big\n", b"ok\n\xe2\x82cut\n", b"ok\nend\xe2\x82"]
for data in bad:
    write(data)
    for errors in ("strict", "replace", "surrogateescape", "backslashreplace", "ignore"):
        try:
            with open(path, encoding="utf-8", errors=errors) as f:
                print(errors, ascii(list(f)))
        except UnicodeDecodeError as e:
            print(errors, "UnicodeDecodeError:", e)
write(b"x" * 9000 + b"\xff" + b"\nafter\n")
try:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            print("line", n, len(line))
except UnicodeDecodeError as e:
    print("mid-file:", e.start, e.end, e.reason)
for newline, data in (("\r", b"a\rb\r\nc\n\r"), ("\r\n", b"a\r\nb\rc\n\r\n"), ("\n", b"a\r\nb\n")):
    write(data)
    with open(path, encoding="utf-8", newline=newline) as f:
        print(ascii(newline), ascii(list(f)))
import shutil; shutil.rmtree(d)
