# main.py normally; changed.py as a checked hash pyc, then edited (same
# size and mtime would not matter: only the hash counts); nopyc.py never.
import py_compile
py_compile.compile("main.py", doraise=True)
py_compile.compile("changed.py", doraise=True,
                   invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
with open("changed.py", "w") as f:
    f.write("value = 2\n")
