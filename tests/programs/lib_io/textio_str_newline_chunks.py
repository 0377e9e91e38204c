# newline=None, '', '\n', '\r' and '\r\n' over files whose '\r' falls at
# the end of a chunk (8192 bytes, and a small _CHUNK_SIZE), with and
# without the '\n' of a "\r\n" beginning the next one; readline with a
# limit across the cut; the newlines attribute.
import io, os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "n.txt")

def write(data):
    with open(path, "wb") as f:
        f.write(data)

datas = [
    b"a" * 8191 + b"\r\nb\rc\n\xc3\xa9\r",
    b"a" * 8191 + b"\rb\r\n\r\n\n",
    b"\xc3\xa9" * 4095 + b"x\r\n" + b"y\r" * 3,
    b"one\r\ntwo\rthree\nfour\r",
]
for data in datas:
    write(data)
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(path, encoding="utf-8", newline=newline) as f:
            lines = list(f)
            print(ascii(newline), len(lines), [len(x) for x in lines][-6:],
                  ascii([x[-5:] for x in lines[-3:]]), f.newlines)
        with open(path, encoding="utf-8", newline=newline) as f:
            f._CHUNK_SIZE = 4
            got = []
            while True:
                line = f.readline(8193 if len(data) > 100 else 3)
                if not line:
                    break
                got.append(line)
            print("  small", len(got), [len(x) for x in got][-4:],
                  ascii([x[-5:] for x in got[-4:]]), ascii(f.newlines))
        with open(path, encoding="utf-8", newline=newline) as f:
            whole = f.read()
            print("  read", len(whole), ascii(whole[-8:]), ascii(f.newlines))

for newline in (None, "", "\n", "\r", "\r\n"):
    b = io.BytesIO(b"x\r\ny\rz\n\r")
    t = io.TextIOWrapper(b, encoding="ascii", newline=newline)
    t._CHUNK_SIZE = 2
    print(ascii(newline), ascii(t.read(3)), ascii(t.readline()), ascii(t.read()),
          ascii(t.newlines))
import shutil; shutil.rmtree(d)
