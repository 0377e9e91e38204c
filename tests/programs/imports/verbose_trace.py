# -v: the import system's trace on stderr, in importlib's words — a module
# compiled and its bytecode cached, then found up to date, a package, a
# namespace package, a sourceless module and a built-in one (addresses and
# the temporary directory replaced; CPython's start-up and exit lines left out).
import os, py_compile, re, subprocess, sys, tempfile

with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "pkg"))
    os.makedirs(os.path.join(d, "ns"))
    files = {"plain.py": "X = 1\n", "pkg/__init__.py": "", "pkg/sub.py": "from . import __name__ as p\n",
             "ns/inner.py": "Y = 2\n", "gone.py": "Z = 3\n"}
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    py_compile.compile(os.path.join(d, "gone.py"), cfile=os.path.join(d, "gone.pyc"))
    os.remove(os.path.join(d, "gone.py"))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = ("plain", "pkg", "ns", "gone", "errno")
    for run in (1, 2):
        r = subprocess.run([sys.executable, "-v", "-c", "import plain, pkg.sub, ns.inner, gone, errno"],
                           cwd=d, env=env, capture_output=True, text=True)
        print("run", run, r.returncode)
        for line in r.stderr.splitlines():
            line = line.replace(d, "D")
            line = re.sub(r"0x[0-9a-f]+", "0xADDR", line)
            if "D/" in line or any(line.startswith(f"import '{m}") for m in ours):
                if not line.startswith(("# cleanup", "# destroy")):
                    print(" ", line)
