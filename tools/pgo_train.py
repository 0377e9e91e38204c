"""pgo_train.py — the training run of `make pgo` (Makefile, bench/README.md).

    python3.11 tools/pgo_train.py PVM WORKDIR

Runs an instrumented pvm (built with -fprofile-generate) over programs that
cover the paths a real program takes, so that the profile-guided rebuild
lays out and inlines for them:

  * every bench/*.py at its small size (the line `N = FULL  # small: SMALL`
    rewritten to `N = SMALL`, as bench/tools/bench.py does for callgrind):
    calls, attribute access, closures, exceptions, generators, floats, big
    ints, strings, dicts, json, pickle, re;
  * the top-level golden programs of a few tests/programs/ directories
    (classes, imports, generators, exceptions, string formatting, with, the
    stdlib modules programs import most).

Each program is compiled by this python3.11 into WORKDIR and run by PVM
with its default strategy (threaded), output discarded; a failing or slow
program only weakens the profile, so failures are counted, not fatal.
Prints one line: programs run, failures, seconds.
"""
import os
import py_compile
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SMALL_RE = re.compile(r"^N = (\S+)(\s*)# small: (\S+)\s*$", re.M)
GOLDEN_DIRS = ("apps", "basics", "classes", "closures", "comprehensions",
               "descriptors", "dicts", "exceptions", "exceptions_flow",
               "fstrings", "functions", "generators", "imports", "lists",
               "loops", "sets", "slices", "strings", "tuples", "types_dict",
               "types_str", "specialize", "with", "lib_json", "lib_re",
               "lib_collections", "lib_dataclasses", "lib_functools")
TIMEOUT = 30
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")


def bench_programs(work):
    """The small copies of bench/*.py, compiled: [(pyc, cwd)]."""
    out = []
    os.makedirs(os.path.join(work, "bench"), exist_ok=True)
    bench = os.path.join(ROOT, "bench")
    for name in sorted(os.listdir(bench)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(bench, name)) as f:
            src = SMALL_RE.sub(r"N = \3", f.read())
        py = os.path.join(work, "bench", name)
        with open(py, "w") as f:
            f.write(src)
        py_compile.compile(py, cfile=py + "c", doraise=True)
        out.append((py + "c", bench))
    return out


def golden_programs(work):
    """The golden programs of GOLDEN_DIRS, compiled: [(pyc, cwd)]; each
    runs in its own directory, so that it imports its neighbours."""
    out = []
    for d in GOLDEN_DIRS:
        src_dir = os.path.join(ROOT, "tests", "programs", d)
        if not os.path.isdir(src_dir):
            continue
        os.makedirs(os.path.join(work, d), exist_ok=True)
        for name in sorted(os.listdir(src_dir)):
            src = os.path.join(src_dir, name)
            if not name.endswith(".py") or not os.path.isfile(src):
                continue
            pyc = os.path.join(work, d, name + "c")
            try:
                py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
            except py_compile.PyCompileError:
                continue      # a program about SyntaxError: nothing to run
            out.append((pyc, src_dir))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: pgo_train.py PVM WORKDIR")
    pvm, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    programs = bench_programs(work) + golden_programs(work)
    start, failed = time.monotonic(), 0
    for pyc, cwd in programs:
        try:
            r = subprocess.run([pvm, pyc], cwd=cwd, env=ENV, timeout=TIMEOUT,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            failed += r.returncode != 0
        except subprocess.TimeoutExpired:
            failed += 1
    print(f"pgo: trained on {len(programs)} programs ({failed} exited non-zero) "
          f"in {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
