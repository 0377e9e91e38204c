# Tracing from start-up: -X tracemalloc[=N] and PYTHONTRACEMALLOC=N, as
# CPython reads them (the -X option wins; -E ignores the variable; 0 does
# not trace; a bad value is a fatal error at start-up).
import os
import subprocess
import sys

CODE = ("import sys, tracemalloc; "
        "print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit(), "
        "sys._xoptions.get('tracemalloc'))")


def run(*options, env=None):
    environ = dict(os.environ)
    environ.pop("PYTHONTRACEMALLOC", None)
    environ.update(env or {})
    p = subprocess.run([sys.executable, *options, "-c", CODE], env=environ,
                       capture_output=True, text=True)
    err = p.stderr.splitlines()
    print(options, env, p.returncode, p.stdout.strip(), err[:1])


run()
run("-X", "tracemalloc")
run("-X", "tracemalloc=5")
run("-X", "tracemalloc=0")
run("-X", "tracemalloc=x")
run("-X", "tracemalloc=-1")
run("-X", "tracemalloc=70000")
run(env={"PYTHONTRACEMALLOC": "3"})
run(env={"PYTHONTRACEMALLOC": "0"})
run(env={"PYTHONTRACEMALLOC": "x"})
run("-E", env={"PYTHONTRACEMALLOC": "3"})
run("-X", "tracemalloc=7", env={"PYTHONTRACEMALLOC": "3"})

# Traced from the start: an object the program's first line makes has a
# traceback.
code = "x = bytes(5000); import tracemalloc; print(tracemalloc.get_object_traceback(x))"
p = subprocess.run([sys.executable, "-X", "tracemalloc", "-c", code], capture_output=True, text=True)
print(p.returncode, p.stdout.strip())

# A directory run as a program (its __main__.py) is traced from the start too.
import tempfile
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "__main__.py"), "w") as f:
        f.write(CODE.replace("; ", "\n"))
    p = subprocess.run([sys.executable, "-X", "tracemalloc=4", d], capture_output=True, text=True)
    print("directory:", p.returncode, p.stdout.strip())
