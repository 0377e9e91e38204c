# Compile everything, then change stale.py (new size, later mtime).
import os, py_compile
py_compile.compile("main.py", doraise=True)
py_compile.compile("stale.py", doraise=True)
with open("stale.py", "w") as f:
    f.write("value = 2  # edited\n")
st = os.stat("stale.py")
os.utime("stale.py", (st.st_atime + 10, st.st_mtime + 10))
