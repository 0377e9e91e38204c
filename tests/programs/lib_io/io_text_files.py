# io: text files — write/read/readline/iteration/seek/tell/truncate, append/x/r+ modes, newline modes, encodings
import os

path = "/tmp/pvm_lib_io_text_%d.txt" % os.getpid()

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

with open(path, "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.write("sécond\n"), f.write("third"))
    print(f.writable(), f.readable(), f.seekable(), f.closed, f.mode, f.name == path)
    print(f.encoding, f.errors, f.line_buffering, f.newlines)
print(f.closed)

with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell())
    print(repr(f.readline()), f.tell())
    print(repr(f.readline()), repr(f.readline()))
    f.seek(6)
    print(repr(f.read(4)), f.tell())
    f.seek(0)
    print(repr(f.read(3)), repr(f.read(0)), repr(f.readline(4)))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(f.readlines(12))
    print(f.seek(0, 2))

for i, line in enumerate(open(path, encoding="utf-8")):
    print(i, repr(line))
print(list(open(path, encoding="utf-8")))

with open(path, "a", encoding="utf-8") as f:
    print(f.tell())
    f.write("\nappended\n")
with open(path, encoding="utf-8") as f:
    print(f.read().splitlines())

with open(path, "r+", encoding="utf-8") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))
    f.seek(0, 2)
    f.write("end\n")
    f.seek(0)
    print(len(f.read()))
    print(f.truncate(5))
    f.seek(0)
    print(repr(f.read()))

with open(path, "w+", encoding="utf-8") as f:
    f.write("abc\ndef\n")
    print(f.tell())
    f.seek(0)
    print(f.read())
    f.seek(4)
    print(repr(f.read()))

try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path)
os.remove(path)
with open(path, "x") as f:
    f.write("created")
print(open(path).read())

# Newline modes: translation on write and read.
with open(path, "w", newline="") as f:
    f.write("a\nb\r\nc\rd")
print(open(path, "rb").read())
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, "w", newline=nl) as f:
        f.write("x\ny\n")
    print(repr(nl), open(path, "rb").read())

with open(path, newline=None) as f:
    print(repr(f.read()), f.newlines)

# Encodings and error handlers.
with open(path, "w", encoding="latin-1") as f:
    f.write("café ÿ")
print(open(path, "rb").read())
print(repr(open(path, encoding="latin-1").read()))
attempt(lambda: open(path, encoding="utf-8").read())
print(repr(open(path, encoding="utf-8", errors="replace").read()))
print(repr(open(path, encoding="utf-8", errors="ignore").read()))
print(repr(open(path, encoding="ascii", errors="replace").read()))
with open(path, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
print(open(path, "rb").read())
def write_ascii():
    with open(path, "w", encoding="ascii") as f:
        f.write("naïve")
attempt(write_ascii)
attempt(lambda: open(path, encoding="no-such-codec"))

# Multi-byte characters across chunk boundaries, and tell() after them.
with open(path, "w", encoding="utf-8") as f:
    f.write("é" * 5000 + "\n" + "€" * 3000 + "\nend\n")
with open(path, encoding="utf-8") as f:
    print(len(f.readline()), f.tell())
    print(len(f.readline()), f.tell())
    print(repr(f.readline()), f.tell())
with open(path, encoding="utf-8") as f:
    print(len(f.read()))

# Long lines, many lines.
with open(path, "w") as f:
    for i in range(2000):
        f.write("line %d %s\n" % (i, "x" * (i % 50)))
with open(path) as f:
    total = 0
    for line in f:
        total += len(line)
    print(total, f.tell())
with open(path) as f:
    f.readline()
    f.readline()
    pos = f.tell()
    third = f.readline()
    f.seek(pos)
    print(f.readline() == third, pos)

os.remove(path)
