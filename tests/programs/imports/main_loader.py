# __main__.__loader__ as CPython's start-up sets it: SourcelessFileLoader for a .pyc, SourceFileLoader for a .py, BuiltinImporter for -c and stdin; __spec__ None
import os, py_compile, subprocess, sys, tempfile

SHOW = ("import importlib, __main__\n"
        "l = __main__.__loader__\n"
        "print(type(l).__name__ if not isinstance(l, type) else l.__name__,\n"
        "      getattr(l, 'name', None), os.path.basename(getattr(l, 'path', '') or ''),\n"
        "      __main__.__spec__)\n")

with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "show.py")
    with open(src, "w") as f:
        f.write("import os\n" + SHOW)
    pyc = py_compile.compile(src, cfile=os.path.join(d, "show.pyc"))
    renamed = os.path.join(d, "show.bin")          # bytecode known by its magic number
    os.rename(pyc, renamed)
    for argv in ([src], [renamed], ["-c", "import os\n" + SHOW]):
        print(subprocess.run([sys.executable] + argv, capture_output=True, text=True).stdout, end="")
    print(subprocess.run([sys.executable, "-"], input="import os\n" + SHOW,
                         capture_output=True, text=True).stdout, end="")
