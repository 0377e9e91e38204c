# Which standard-library modules import under pvm, against python3.11.
#
#   python3.11 tests/stdlib_imports.py PVM [PYTHON]      (make stdlib-imports)
#
# For every name in python3.11's sys.stdlib_module_names, runs
# `INTERP -c "import NAME"` under pvm and under python3.11 (each in its own
# process, in an empty scratch directory, 60 s at most) and prints:
#   - the modules python3.11 imports and pvm does not, each with the last
#     line of pvm's stderr (the reason);
#   - the modules pvm imports and python3.11 does not (should be none);
#   - one summary line: "stdlib imports: pvm N of M python3.11 imports (K
#     names in sys.stdlib_module_names)".
# Exit status 0 when pvm imports every module python3.11 imports, else 1.
#
#   python3.11 tests/stdlib_imports.py --goldens
#
# instead lists, for each name in sys.stdlib_module_names, how many golden
# programs (tests/programs/, which make check runs under every dispatch
# strategy and requires to pass) import it, and the modules none imports.
# A few names are not imported at all: importing them does something beyond
# loading (antigravity opens a web browser).
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

SKIP = {"antigravity": "opens a web browser"}
TIMEOUT = 60


def try_import(interp, name, cwd):
    """(ok, last line of stderr) for `interp -c "import name"`."""
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"):
        env.pop(var, None)
    try:
        p = subprocess.run(interp + ["-c", "import " + name], cwd=cwd, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, "timed out after %d s" % TIMEOUT
    lines = p.stderr.decode("utf-8", "replace").strip().splitlines()
    if p.returncode == 0:
        return True, ""
    return False, lines[-1] if lines else "exit status %d" % p.returncode


def golden_counts():
    """{module: number of golden programs importing it} (import and from-import
    statements, submodules counted for their top-level package)."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
    stmt = re.compile(r"^\s*(?:import\s+([\w., ]+)|from\s+([\w.]+)\s+import)", re.M)
    counts = {}
    for path in glob.glob(os.path.join(root, "**", "*.py"), recursive=True):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        names = set()
        for m in stmt.finditer(text):
            for part in (m.group(1) or m.group(2)).split(","):
                words = part.split()
                if words:
                    names.add(words[0].split(".")[0])
        for n in names & sys.stdlib_module_names:
            counts[n] = counts.get(n, 0) + 1
    return counts


def print_goldens():
    counts = golden_counts()
    for n in sorted(counts):
        print("%-22s %d" % (n, counts[n]))
    none = sorted(n for n in sys.stdlib_module_names if n not in counts and not n.startswith("_"))
    print("imported by no golden program (%d, private names left out): %s" % (len(none), " ".join(none)))
    return 0


def main(argv):
    if argv[1:] == ["--goldens"]:
        return print_goldens()
    if len(argv) not in (2, 3):
        print("usage: stdlib_imports.py PVM [PYTHON]", file=sys.stderr)
        return 2
    pvm = [os.path.abspath(argv[1])]
    python = [argv[2] if len(argv) == 3 else sys.executable]
    names = sorted(n for n in sys.stdlib_module_names if n not in SKIP)
    jobs = int(os.environ.get("JOBS", "2"))
    with tempfile.TemporaryDirectory(prefix="pvm_stdlib_imports_") as cwd, \
            concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        ours = dict(zip(names, pool.map(lambda n: try_import(pvm, n, cwd), names)))
        theirs = dict(zip(names, pool.map(lambda n: try_import(python, n, cwd), names)))
    missing = [n for n in names if theirs[n][0] and not ours[n][0]]
    extra = [n for n in names if ours[n][0] and not theirs[n][0]]
    both = [n for n in names if theirs[n][0] and ours[n][0]]
    cpython_ok = sum(1 for n in names if theirs[n][0])
    if missing:
        print("python3.11 imports, pvm does not (%d):" % len(missing))
        for n in missing:
            print("  %-22s %s" % (n, ours[n][1]))
    if extra:
        print("pvm imports, python3.11 does not (%d):" % len(extra))
        for n in extra:
            print("  %-22s python3.11: %s" % (n, theirs[n][1]))
    for n, why in sorted(SKIP.items()):
        print("not tried: %s (%s)" % (n, why))
    print("stdlib imports: pvm %d of %d python3.11 imports (%d names in sys.stdlib_module_names)"
          % (len(both), cpython_ok, len(sys.stdlib_module_names)))
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
