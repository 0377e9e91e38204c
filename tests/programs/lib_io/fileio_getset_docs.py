# FileIO.closed, closefd and mode carry CPython's docstrings (pydoc and test_descr's test_descrdoc read them)
import io
for name in ("closed", "closefd", "mode"):
    print(name, repr(getattr(io.FileIO, name).__doc__))
