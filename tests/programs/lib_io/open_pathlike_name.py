# open(path_like) opens os.fspath(path): the file's name, its repr, what an opener gets and a FileNotFoundError's filename are the str, as in CPython (pvm kept the PosixPath: "No such file or directory: PosixPath('...')"); FileIO(path_like) itself keeps the object
import errno
import io
import os
import pathlib
import tempfile

d = tempfile.mkdtemp()
p = pathlib.Path(d) / "f.txt"
p.write_text("x")


def hide(text):
    """The folder's name and the errno number (pyodide's ENOENT is 44) hidden."""
    return str(text).replace(d, "D").replace("[Errno %d]" % errno.ENOENT, "[ENOENT]")


for f in (open(p), open(p, "rb"), open(p, "rb", buffering=0), io.open(p), p.open(),
          open(p, "a")):
    print(type(f).__name__, type(f.name).__name__, f.name == str(p), hide(repr(f)))
    f.close()


class PathLike:
    def __fspath__(self):
        return str(p)


class BytesPath:
    def __fspath__(self):
        return os.fsencode(str(p))


with open(PathLike()) as f:
    print(type(f.name).__name__, f.read())
with open(BytesPath(), "rb") as f:
    print(type(f.name).__name__, f.read())
seen = []


def opener(path, flags):
    seen.append(type(path).__name__)
    return os.open(path, flags)


with open(p, opener=opener) as f:
    print(seen, f.read())
for bad in (pathlib.Path(d) / "nofile", pathlib.PurePosixPath(d) / "nofile"):
    try:
        open(bad)
    except FileNotFoundError as e:
        print(hide(e), type(e.filename).__name__)
try:
    (pathlib.Path(d) / "nofile").read_text()
except FileNotFoundError as e:
    print(hide(e), type(e.filename).__name__)
try:
    io.FileIO(pathlib.Path(d) / "nofile")
except FileNotFoundError as e:
    print(hide(e), type(e.filename).__name__)
f = io.FileIO(p)
print(type(f.name).__name__)
f.close()


class BadPath:
    def __fspath__(self):
        return 1


try:
    open(BadPath())
except TypeError as e:
    print("TypeError:", e)
os.remove(p)
os.rmdir(d)
