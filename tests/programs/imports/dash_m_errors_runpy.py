# -m as runpy runs it: a built-in module has no code, a namespace package runs its __main__, an exception in a package's __init__ is shown with its traceback, a package found only in a zip archive on sys.path runs
import os, subprocess, sys, tempfile, zipfile

def run(args, cwd, **env):
    p = subprocess.run([sys.executable] + args, cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, **env))
    # runpy's errors start with the interpreter's name ("python3.11: ", "pvm: ")
    err = [line.split(": ", 1)[1] if line.startswith((sys.executable + ":", "pvm:")) else line
           for line in p.stderr.strip().splitlines()]
    print(args, p.returncode, repr(p.stdout), err[0] if err else "", "|", err[-1] if err else "")

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "ns"))
    with open(os.path.join(d, "ns", "__main__.py"), "w") as f:
        f.write("print('ns main', __name__, __package__, __spec__.name)\n")
    os.mkdir(os.path.join(d, "empty_ns"))
    for exc in ("ImportError", "ValueError"):
        pkg = os.path.join(d, "bad_" + exc)
        os.mkdir(pkg)
        with open(os.path.join(pkg, "__init__.py"), "w") as f:
            f.write("raise %s('Exception in __init__.py')\n" % exc)
        with open(os.path.join(pkg, "__main__.py"), "w") as f:
            f.write("print('never')\n")
    archive = os.path.join(d, "lib.zip")
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zpkg/__init__.py", "")
        z.writestr("zpkg/__main__.py", "import sys\nprint('zip main', __name__, __package__, type(__loader__).__name__, sys.argv[0].endswith('__main__.py'))\n")
        z.writestr("zpkg/tool.py", "print('zip tool', __name__, __spec__.name, __file__.endswith('tool.py'))\n")
    for args in (["-m", "builtins"], ["-m", "sys"], ["-m", "ns"], ["-m", "empty_ns"],
                 ["-m", "bad_ImportError"], ["-m", "bad_ValueError"],
                 ["-m", "bad_ValueError.sub"], ["-m", "nosuch"], ["-m", "nosuch.py"]):
        run(args, d)
    for args in (["-m", "zpkg"], ["-m", "zpkg.tool"], ["-m", "zpkg.none"]):
        run(args, d, PYTHONPATH=archive)
