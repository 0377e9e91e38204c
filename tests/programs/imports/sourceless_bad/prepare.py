# Writes the damaged sourceless modules main.py imports: a bad magic number, a header cut short, unknown flags, a file too short for a magic number
import importlib.util
import py_compile

py_compile.compile("good_src.py", cfile="good.pyc", doraise=True)
data = open("good.pyc", "rb").read()
with open("garbage.pyc", "wb") as f:
    f.write(b"not a pyc at all")
with open("short.pyc", "wb") as f:
    f.write(data[:10])
with open("tiny.pyc", "wb") as f:
    f.write(b"\x01")
with open("flagged.pyc", "wb") as f:
    f.write(data[:4] + (8).to_bytes(4, "little") + data[8:])
with open("oldmagic.pyc", "wb") as f:
    f.write((3413).to_bytes(2, "little") + b"\r\n" + data[4:])
