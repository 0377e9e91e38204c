# Importing the standard library: `import typing, dataclasses, enum, argparse`
# (CPython's own Lib/ running on pvm) against python3.11, and start-up
# (`hello.pyc`, which imports nothing) beside it.
#
#   python3.11 bench/stdlib_import/measure.py ./pvm [RUNS] [BASE_PVM]
#
# Each program is a .pyc compiled by python3.11 and run by path, by pvm and
# by python3.11 alike (python3.11 with its site, as a user runs it, and with
# -I -S, which imports least).  Each command runs RUNS times (default 30)
# in interleaved rounds; the median of wall time and of CPU time (wait4's
# user + system) is printed.  BASE_PVM, a pvm built from another commit,
# is measured beside it (start-up before and after a change).
# Results: bench/results/stdlib_import.md (written by hand from this output).
import os
import py_compile
import statistics
import subprocess
import sys
import tempfile
import time

PROGRAMS = {
    "hello": 'print("hello")\n',
    "import4": "import typing, dataclasses, enum, argparse\nprint(len(typing.__all__) > 0)\n",
}


def run_once(cmd):
    """(wall seconds, cpu seconds) of one run of cmd; fails on a bad status."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("measure: %s failed: %s" % (" ".join(cmd), p.stderr.read().decode()))
    return wall, ru.ru_utime + ru.ru_stime


def main(argv):
    if len(argv) < 2:
        print("usage: measure.py PVM [RUNS] [BASE_PVM]", file=sys.stderr)
        return 2
    pvm = os.path.abspath(argv[1])
    runs = int(argv[2]) if len(argv) > 2 else 30
    base = os.path.abspath(argv[3]) if len(argv) > 3 else None
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="pvm_stdlib_import_") as d:
        commands = []
        for name, text in PROGRAMS.items():
            src = os.path.join(d, name + ".py")
            with open(src, "w") as f:
                f.write(text)
            pyc = os.path.join(d, name + ".pyc")
            py_compile.compile(src, cfile=pyc, doraise=True)
            commands.append((name, "pvm", [pvm, pyc]))
            if base:
                commands.append((name, "base pvm", [base, pyc]))
            commands.append((name, "python3.11", [python, pyc]))
            commands.append((name, "python3.11 -I -S", [python, "-I", "-S", pyc]))
        for _, _, cmd in commands:          # warm the caches (and __pycache__)
            run_once(cmd)
        times = {i: [] for i in range(len(commands))}
        for _ in range(runs):
            for i, (_, _, cmd) in enumerate(commands):
                times[i].append(run_once(cmd))
    print("| program | interpreter | wall ms (median) | CPU ms (median) |")
    print("|---|---|---:|---:|")
    for i, (name, who, _) in enumerate(commands):
        wall = statistics.median(t[0] for t in times[i]) * 1000
        cpu = statistics.median(t[1] for t in times[i]) * 1000
        print("| %s | %s | %.1f | %.1f |" % (name, who, wall, cpu))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
