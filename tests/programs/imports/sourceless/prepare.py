# Compile legacy.py to legacy.pyc (no __pycache__) and delete the source.
import os, py_compile
py_compile.compile("main.py", doraise=True)
py_compile.compile("legacy.py", cfile="legacy.pyc", doraise=True)
os.remove("legacy.py")
