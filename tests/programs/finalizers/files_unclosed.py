# files the program does not close are flushed and closed when collected and at exit
import gc, os, tempfile

d = tempfile.mkdtemp()
p1, p2, p3 = (os.path.join(d, n) for n in ("a.txt", "b.bin", "c.txt"))

def write_and_drop(path):
    f = open(path, "w")
    f.write("text written, never closed\n")

write_and_drop(p1)
gc.collect()
with open(p1) as f:
    print(repr(f.read()))

b = open(p2, "wb")
b.write(b"bytes")
del b
gc.collect()
with open(p2, "rb") as f:
    print(f.read())

class Log:
    def __init__(self, path):
        self.f = open(path, "a")

    def __del__(self):
        self.f.write("closing log\n")
        self.f.close()

log = Log(p3)
log.f.write("entry\n")
del log
gc.collect()
with open(p3) as f:
    print(f.read(), end="")

for n in (p1, p2, p3):
    os.remove(n)
os.rmdir(d)
