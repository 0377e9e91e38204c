# "." on sys.path is the current directory itself, as "" is (importlib's
# FileFinder takes both as os.getcwd()): a module found there has
# __file__ and __cached__ without a "./" in the middle.  Other relative
# entries are joined to the cwd as they are written.
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    cwd = os.getcwd()
    os.mkdir("sub")
    for path, text in (("dotmod.py", "x = 1\n"), ("sub/submod.py", "y = 2\n")):
        with open(path, "w") as f:
            f.write(text)
    sys.path[:0] = [".", "sub/."]
    import dotmod
    import submod
    for m in (dotmod, submod):
        print(m.__name__, m.__file__.replace(cwd, "<cwd>"),
              m.__cached__.replace(cwd, "<cwd>"))
    del sys.path[:2]
    os.chdir("/")
