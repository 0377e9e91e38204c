# io: the byte order of sys.stdout text, sys.stdout.buffer and os.write(1) around CPython's sizes — the TextIOWrapper's 8192-byte chunk and the BufferedWriter's st_blksize (tests/hostile/check_surroundings.py runs it without PYTHONUNBUFFERED too)
import os
import sys
import time

out, raw = sys.stdout, sys.stdout.buffer


def mark(tag):
    os.write(1, b"<" + tag.encode() + b">\n")


def text(ch, n):
    out.write(ch * (n - 1) + "\n")


# Text below a chunk, then bytes and os.write: who overtakes whom.
print("start")
raw.write(b"bytes after start\n")
mark("A")
text("a", 8000)
text("b", 300)              # 8300 > 8192: the 8000 go on first
mark("B")
text("c", 100)
raw.write(b"d" * 3999 + b"\n")
mark("C")
raw.write(b"e" * 99 + b"\n")  # does not fit behind the 4000
mark("D")
out.flush()
mark("E")

# Exactly a chunk, one byte short, one over; pieces that add up to it.
text("f", 8192)
mark("F")
text("g", 8191)
mark("G")
text("h", 8193)
mark("H")
for i in range(8):
    text("i", 1024)
mark("I")
text("j", 4000)
text("k", 4192)
mark("J")
out.flush()

# Non-ASCII text counts its UTF-8 bytes.
text("é", 3000)             # 5999 bytes
text("ü", 1200)             # 2399 more: 8398 > 8192
mark("K")
print("ö" * 4095)
mark("L")
out.flush()

# print() writes its arguments, sep and end one by one.
for i in range(2000):
    print(i, "x", sep="-", end=";")
mark("M")
print()
raw.write(b"z" * 5000 + b"\n")  # larger than the buffer: out at once
mark("N")
raw.write(b"y" * 4096)
mark("O")
raw.flush()                 # the bytes, not the pending text
mark("P")
sys.stdout.write("\r carriage return ")
raw.write(b"w" * 10 + b"\n")
mark("Q")
print("flushed", flush=True)
mark("R")

# line_buffering and write_through by reconfigure().
out.reconfigure(line_buffering=True)
out.write("no newline ")
raw.write(b"bytes\n")
mark("S")
print("newline")
mark("T")
out.reconfigure(line_buffering=False, write_through=True)
out.write("through ")
mark("U")
raw.write(b"v" * 10 + b"\n")
mark("V")
out.reconfigure(write_through=False)
print("end")
raw.write(b"last bytes\n")
mark("W")

# time.sleep() leaves the buffers alone.
print("before sleep")
time.sleep(0)
mark("X")

# Bytes that fill the buffer exactly, or do not fit behind what waits.
raw.write(b"a" * 100)
raw.write(b"b" * 3995 + b"\n")
mark("Y")
raw.flush()
raw.write(b"e" * 100)
raw.write(b"f" * 4095 + b"\n")
mark("Z")
raw.write(b"g" * 4096 + b"\n")
mark("end")
