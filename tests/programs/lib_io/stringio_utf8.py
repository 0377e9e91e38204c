# StringIO over non-ASCII text: writes at the end, over the middle and past
# the end (a gap of '\0'), seek/tell in characters, truncate, read(n),
# readline(limit), iteration, getvalue, __getstate__/__setstate__, and the
# newline argument's translations.
import io, pickle

s = io.StringIO()
for i in range(20):
    s.write("r%d \u00e9\u20ac\U0001F600%s\n" % (i, "\u00e9" * (i % 4)))
print(s.tell(), len(s.getvalue()), ascii(s.getvalue()[:40]))
s.seek(5)
print(ascii(s.read(4)), s.tell())
s.seek(3)
print(s.write("\u00c9\u00c9ab"), s.tell(), ascii(s.getvalue()[:16]))
s.seek(0)
print(ascii(s.readline()), ascii(s.readline(3)), ascii(s.readline(100)), s.tell())
print(sum(1 for _ in s), s.tell())
s.seek(0)
print(len(list(s)))
print(s.truncate(30), s.tell(), ascii(s.getvalue()[-8:]))
s.seek(0, 2)
print(s.tell(), s.write("\U0001F600"), len(s.getvalue()))
s.seek(40)
print(s.write("z\u00e9"), s.tell(), ascii(s.getvalue()[28:]))
s.seek(29)
print(ascii(s.read()), ascii(s.read()), ascii(s.readline()))
s.seek(29)
s.truncate()
print(ascii(s.getvalue()[-4:]), s.tell())
s.seek(100)
print(ascii(s.read()), ascii(s.readline()), s.tell())
s.seek(2)
print(s.write("\u20ac" * 50), len(s.getvalue()), s.tell())
s.seek(0)
s.write("ab")
print(ascii(s.getvalue()[:5]))

t = io.StringIO("\u00e9a\nb\u20ac\nc")
state = t.__getstate__()
print(ascii(state[0]), state[1:3])
t.read(4)
u = pickle.loads(pickle.dumps(t))
print(u.tell(), ascii(u.read()))
v = io.StringIO()
v.__setstate__(("x\u00e9y\nz", None, 2, None))
print(v.tell(), ascii(v.readline()), ascii(v.getvalue()))

for nl in (None, "", "\n", "\r", "\r\n"):
    w = io.StringIO(newline=nl)
    w.write("a\u00e9\r\nb\rc\n\u20ac\r")
    w.write("\nend")
    w.seek(0)
    print(ascii(nl), ascii(w.getvalue()), ascii(list(w)), w.newlines)
    w = io.StringIO("x\r\ny\u00e9\rz\n", newline=nl)
    print("  ", ascii(w.readline()), ascii(w.readline(2)), ascii(w.read()), w.tell())

# many small writes, then getvalue and iteration
m = io.StringIO()
for i in range(3000):
    m.write("\u00e9" if i % 7 == 0 else "ab")
    if i % 50 == 49:
        m.write("\n")
print(len(m.getvalue()), m.tell())
m.seek(0)
print([len(x) for x in m][:5], m.tell())
m.seek(1000)
print(ascii(m.read(5)), m.tell())

# lines of every length up to 40 with characters of 1 to 4 bytes in UTF-8,
# through StringIO and a file: their lengths as counted from the bytes
chars = "a\u00e9\u20ac\U0001F600b"
lines = ["".join(chars[(i * 7 + j * 3) % 5 if (i + j) % 3 else 0] for j in range(i)) + "\n"
         for i in range(41)]
text = "".join(lines)
print([len(x) for x in io.StringIO(text)] == [len(x) for x in lines])
import os, tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "l.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write(text * 50)
with open(path, encoding="utf-8") as f:
    got = list(f)
print(got == lines * 50, sum(map(len, got)))
with open(path, encoding="utf-8") as f:
    got = [f.read(13) for _ in range(200)]
print("".join(got) == (text * 50)[:2600], [len(x) for x in got[-3:]])
import shutil; shutil.rmtree(d)

# seeks back and forth over non-ASCII text with writes inside and past the
# end, reads, readline(5) and truncate between them
chars = "a\u00e9\u20ac\U0001F600\n"
s = io.StringIO("".join(chars[i * i % 5] for i in range(500)))
out = []
for i in range(3000):
    p = (i * 7919) % 540
    s.seek(p)
    if i % 3 == 0:
        s.write(chars[i % 5] * (i % 5))
    elif i % 3 == 1:
        out.append(s.read(i % 9))
    else:
        if i % 50 == 2:
            s.truncate(p + 10)
        out.append(s.readline(5))
    out.append(str(s.tell()))
print(len(out), len(s.getvalue()), sum(map(len, out)), ascii("|".join(out)[-200:]))
print(ascii(s.getvalue()[:120]))
