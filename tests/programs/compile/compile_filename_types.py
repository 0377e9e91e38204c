# compile()'s filename: str and bytes as they are, other bytes-like objects
# decoded with a DeprecationWarning, os.PathLike through __fspath__, and a
# TypeError for anything else.
import warnings


class Path:
    def __fspath__(self):
        return "from_fspath.py"


for filename in ("file.py", b"file.py", Path(), bytearray(b"ba.py"),
                 memoryview(b"mv.py"), list(b"file.py"), 12):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = compile("pass", filename, "exec")
            print(type(filename).__name__, code.co_filename)
        except TypeError as e:
            print(type(filename).__name__, "TypeError", e)
    for w in caught:
        print("  ", w.category.__name__, w.message)
