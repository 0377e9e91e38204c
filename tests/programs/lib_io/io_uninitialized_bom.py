# io: T.__new__(T) makes an uninitialized buffered/text stream (ValueError until __init__), a held '\r' survives an empty decode, no BOM when appending, seeking or reconfiguring mid-stream
import codecs
import io
import os
import tempfile

for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
           io.TextIOWrapper):
    b = tp.__new__(tp)
    for op, arg in (("read", 0), ("write", "" if tp is io.TextIOWrapper else b"")):
        try:
            print(tp.__name__, op, getattr(b, op)(arg))
        except (ValueError, io.UnsupportedOperation) as e:
            print(tp.__name__, op, type(e).__name__, e)
    try:
        print(tp.__name__, repr(b).split(" object at")[0])
    except ValueError as e:
        print(tp.__name__, "repr", e)
    if tp is io.BufferedRWPair:
        b.__init__(io.BytesIO(b"xy"), io.BytesIO())
    elif tp is io.TextIOWrapper:
        b.__init__(io.BytesIO(b"xy"), encoding="utf-8")
    elif tp is io.BufferedWriter:
        b.__init__(io.BytesIO())
    else:
        b.__init__(io.BytesIO(b"xy"))
    print(tp.__name__, "after __init__", b.read(0) if tp is not io.BufferedWriter else b.write(b""))

for enc in ("utf-8", "utf-16", "utf-16-le", "utf-32"):
    for translate in (True, False):
        d = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder(enc)(), translate=translate)
        e = codecs.getincrementalencoder(enc)()
        out = [d.decode(bytes([b])) for b in e.encode("abc\n\r\nabc\r")]
        print(enc, translate, d.newlines, repr("".join(out)), repr(d.decode(b"", final=True)))

with tempfile.TemporaryDirectory() as tmp:
    name = os.path.join(tmp, "bom.txt")
    for charset in ("utf-8-sig", "utf-16", "utf-32"):
        with open(name, "w", encoding=charset) as f:
            f.write("aaa")
            pos = f.tell()
        with open(name, "a", encoding=charset) as f:
            f.write("xxx")
        with open(name, "rb") as f:
            print(charset, f.read() == "aaaxxx".encode(charset))
        with open(name, "r+", encoding=charset) as f:
            f.seek(pos)
            f.write("zzz")
            f.seek(0)
            f.write("bbb")
        with open(name, "rb") as f:
            print(charset, f.read() == "bbbzzz".encode(charset))
        with open(name, "r+", encoding=charset) as f:
            f.seek(0, 2)
            f.write("end")
        with open(name, "rb") as f:
            data = f.read()
            print(charset, data.decode(charset))

raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
txt.write("abc\n")
txt.reconfigure(encoding="utf-8-sig")
txt.write("d\xe9f\n")
txt.flush()
print(raw.getvalue())
