"""golden.py — the golden-test driver: pvm against python3.11, program by program.

Usage (normally through tests/run_golden.sh):
    python3.11 tests/golden.py PVM [FILTER] [--dir ROOT]

For every ROOT/**/*.py whose path contains FILTER (ROOT is tests/programs unless
--dir or the environment variable GOLDEN_DIR names another folder, e.g.
tests/pending, which holds programs waiting for features still being built):
  1. compile it to build/golden/<same path>c with py_compile (co_filename is the
     absolute path of the .py, exactly what `python3.11 file.py` would use;
     for another ROOT the build folder is build/golden-<ROOT's name>, so that
     programs with the same relative path never share a cache entry);
  2. run python3.11 on the .py to learn the expected stdout, exit status and last
     line of stderr -- cached in build/golden/<path>.expected.json, keyed by a hash
     of the source and the Python version, so re-runs only run pvm;
  3. run PVM on the .pyc (same working directory: the program's folder), with a
     timeout, and compare the three.
Expected output is never committed: it always comes from the reference itself,
the way MicroPython's tests/run-tests.py asks CPython.

Prints one line per failure (plus a short diff), then exactly
`golden: N passed, M failed`.  Exit status: 0 all passed, 1 some failed,
2 the suite could not run (bad arguments, no program matched, no Python).
"""
import concurrent.futures
import difflib
import hashlib
import json
import os
import py_compile
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
BUILD = os.path.join(ROOT, "build", "golden")


def use_root(folder):
    """Run the programs of another folder; give them a build folder of their own."""
    global PROGRAMS, BUILD
    folder = os.path.abspath(folder)
    if folder == PROGRAMS:
        return
    PROGRAMS = folder
    BUILD = os.path.join(ROOT, "build", "golden-" + os.path.basename(folder.rstrip(os.sep)))
PVM_TIMEOUT = float(os.environ.get("GOLDEN_TIMEOUT", "10"))
PY_TIMEOUT = 60.0
DIFF_LINES = 12

# Deterministic, quiet environment for both interpreters.
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")


def find_programs(filt):
    """Relative paths (tests/programs/...) of every program matching filt, sorted."""
    found = []
    for folder, dirs, files in os.walk(PROGRAMS):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in files:
            if name.endswith(".py"):
                rel = os.path.relpath(os.path.join(folder, name), PROGRAMS)
                if not filt or filt in rel:
                    found.append(rel)
    return sorted(found)


def last_line(text):
    """The last line of stderr (empty when there was none)."""
    lines = text.rstrip("\n").split("\n")
    return lines[-1]


def run(cmd, cwd, timeout):
    """Run cmd; return (stdout, exit status, last stderr line) or None on timeout."""
    # A session of its own, so a timeout kills the whole process group.
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    return out, p.returncode, last_line(err)


def expected(rel, src_path, source):
    """python3.11's result for the program, from the cache when the source is unchanged."""
    key = hashlib.sha256(source + sys.version.encode()).hexdigest()
    cache = os.path.join(BUILD, rel + ".expected.json")
    try:
        with open(cache) as f:
            data = json.load(f)
        if data["key"] == key:
            return data["stdout"], data["status"], data["stderr"]
    except (OSError, ValueError, KeyError):
        pass
    res = run([sys.executable, src_path], os.path.dirname(src_path), PY_TIMEOUT)
    if res is None:
        raise RuntimeError("python3.11 timed out on " + rel)
    with open(cache, "w") as f:
        json.dump({"key": key, "stdout": res[0], "status": res[1],
                   "stderr": res[2]}, f)
    return res


def compile_program(rel):
    """Compile one program; return (source path, pyc path, source bytes)."""
    src = os.path.join(PROGRAMS, rel)
    pyc = os.path.join(BUILD, rel + "c")
    os.makedirs(os.path.dirname(pyc), exist_ok=True)
    py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
    with open(src, "rb") as f:
        return src, pyc, f.read()


def short_diff(want, got):
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(),
                                "python3.11", "pvm", lineterm="", n=1)
    lines = list(diff)
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + ["    ... (%d more diff lines)" % (len(lines) - DIFF_LINES)]
    return "\n".join("    " + line for line in lines)


def describe_status(status):
    """An exit status, or the signal that killed the process (Popen reports -N)."""
    return "%d" % status if status >= 0 else "killed by signal %d" % -status


def check_one(pvm, rel):
    """Return None when the program passes, else the failure report."""
    try:
        src, pyc, source = compile_program(rel)
        want = expected(rel, src, source)
    except Exception as e:  # a broken test program is a failure, not a crash
        return "FAIL %s: cannot prepare: %s" % (rel, e)
    got = run([pvm, pyc], os.path.dirname(src), PVM_TIMEOUT)
    if got is None:
        return "FAIL %s: timeout after %gs" % (rel, PVM_TIMEOUT)
    problems = []
    if got[0] != want[0]:
        problems.append("FAIL %s: stdout differs\n%s" % (rel, short_diff(want[0], got[0])))
    if got[1] != want[1]:
        problems.append("FAIL %s: exit status %s != %d" % (rel, describe_status(got[1]), want[1]))
    if got[2] != want[2]:
        problems.append("FAIL %s: stderr last line %r != %r" % (rel, got[2], want[2]))
    return "\n".join(problems) or None


def parse_args(argv):
    """Split argv into (PVM, FILTER, ROOT or None); None when the arguments are bad."""
    root = os.environ.get("GOLDEN_DIR") or None
    rest = []
    i = 1
    while i < len(argv):
        if argv[i] == "--dir" and i + 1 < len(argv):
            root = argv[i + 1]
            i += 2
        elif argv[i].startswith("--dir="):
            root = argv[i][len("--dir="):]
            i += 1
        else:
            rest.append(argv[i])
            i += 1
    if len(rest) not in (1, 2):
        return None
    return rest[0], (rest[1] if len(rest) == 2 else ""), root


def main(argv):
    args = parse_args(argv)
    if args is None:
        print("usage: golden.py PVM [FILTER] [--dir ROOT]", file=sys.stderr)
        return 2
    pvm_arg, filt, root = args
    if root is not None:
        if not os.path.isdir(root):
            print("golden: %s is not a folder" % root, file=sys.stderr)
            return 2
        use_root(root)
    pvm = os.path.abspath(pvm_arg)
    if not os.access(pvm, os.X_OK):
        print("golden: %s is not an executable" % pvm_arg, file=sys.stderr)
        return 2
    progs = find_programs(filt)
    if not progs:
        print("golden: no program matches", file=sys.stderr)
        return 2
    jobs = int(os.environ.get("GOLDEN_JOBS", "0")) or min(8, (os.cpu_count() or 1) + 1)
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for report in pool.map(lambda rel: check_one(pvm, rel), progs):
            if report:
                failed += 1
                print(report, flush=True)
    print("golden: %d passed, %d failed" % (len(progs) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
