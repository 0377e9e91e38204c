# tell() and seek() of a TextIOWrapper after partial reads of text with
# characters of 1 to 4 bytes in UTF-8: the cookies, and what is read after
# seeking back to them (readline, read(n), iteration), across chunk ends.
import os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "t.txt")
text = "".join("%d a\u00e9\u20ac\U0001F600 %s\n" % (i, "x\u00e9" * (i % 7)) for i in range(400))
with open(path, "w", encoding="utf-8") as f:
    f.write(text)

with open(path, encoding="utf-8") as f:
    marks = []
    for step in range(40):
        pos = f.tell()
        if step % 3 == 0:
            got = f.readline()
        elif step % 3 == 1:
            got = f.read(step)
        else:
            got = f.readline(5)
        marks.append((pos, got))
    print("at", f.tell())
    for pos, got in marks[::-1]:
        f.seek(pos)
        again = f.read(len(got))
        print(pos, ascii(got), again == got, ascii(f.readline()))
    # seek to the cookies found past the first chunk
    f.seek(0)
    f.read(8190)
    cookies = []
    for i in range(6):
        cookies.append(f.tell())
        f.read(1)
    for c in cookies:
        f.seek(c)
        print("c", c, ascii(f.read(3)), ascii(f.readline()))

# read(n) and readline() mixed, counting characters, not bytes
with open(path, encoding="utf-8") as f:
    out = []
    while True:
        a = f.read(7)
        b = f.readline()
        if not a and not b:
            break
        out.append(len(a) + len(b))
    print(len(out), sum(out), out[:12])

# seek back and iterate
with open(path, encoding="utf-8") as f:
    f.readline(); f.readline()
    p = f.tell()
    f.read(3)
    f.seek(p)
    n = 0
    for line in f:
        n += 1
    print("lines after", n)
    try:
        f.tell()
    except OSError as e:
        print("OSError", e)
    f.seek(p)
    print("tell again", f.tell() == p, ascii(f.readline()))
import shutil; shutil.rmtree(d)
