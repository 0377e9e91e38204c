"""compile_cost.py -- what compiling source costs pvm, next to python3.11.

Usage (normally through bench/compile.sh):
    python3.11 bench/tools/compile_cost.py PVM [BASE_PVM]

pvm has no compiler: compile(), exec()/eval() of strings, `pvm -c`, a .py
without cached bytecode and the prompt ask python3.11, running as a
co-process (loader/compile.c).  This measures, for three sources (a small
function, one benchmark program, all benchmark programs together):

  - python3.11's own compile() of the source, in-process (the floor);
  - pvm's first compile() in a process, which starts the co-process;
  - pvm's later compile() calls of the same source (the round trip:
    request over a pipe, python3.11's compile, marshal, pvm's loader);

each as the median of REPEAT calls (the first: of REPEAT processes).  It
also times whole commands: `pvm hello.pyc` (nothing compiled: the start-up
must not change), `pvm -c pass` and `python3.11 -c pass`; with BASE_PVM (a
pvm built before the compile service) `pvm hello.pyc` is compared with it,
by hyperfine -N when installed.

Prints a Markdown report.
"""
import os
import py_compile
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPEAT = 15
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The pvm side: a program (compiled by python3.11, so that loading it needs
# no compiler) that times compile() calls and prints one line per result.
PROBE = r'''
import sys, time
path, repeat = sys.argv[1], int(sys.argv[2])
with open(path) as f:
    source = f.read()
t = time.perf_counter()
compile(source, path, "exec")
first = time.perf_counter() - t
later = []
for i in range(repeat):
    t = time.perf_counter()
    compile(source, path, "exec")
    later.append(time.perf_counter() - t)
later.sort()
print(first, later[len(later) // 2])
'''


def sources(work):
    small = os.path.join(work, "small.py")
    with open(small, "w") as f:
        f.write("def f(n):\n    total = 0\n    for i in range(n):\n        total += i * i\n"
                "    return total\nprint(f(10))\n")
    programs = sorted(os.path.join(HERE, p) for p in os.listdir(HERE) if p.endswith(".py"))
    everything = os.path.join(work, "all_benchmarks.py")
    with open(everything, "w") as out:
        for p in programs:
            with open(p) as f:
                out.write("def _%s():\n" % os.path.basename(p)[:-3])
                out.write("".join("    " + line for line in f) + "\n")
    return [("a small function (6 lines)", small),
            ("bench/richards.py", os.path.join(HERE, "richards.py")),
            ("all of bench/*.py (%d programs)" % len(programs), everything)]


def lines_of(path):
    with open(path) as f:
        return sum(1 for _ in f)


def python_compile(path):
    with open(path) as f:
        source = f.read()
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        compile(source, path, "exec")
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pvm_compile(pvm, probe, path):
    firsts, laters = [], []
    for _ in range(REPEAT):
        out = subprocess.run([pvm, probe, path, str(REPEAT)], capture_output=True, text=True,
                             check=True).stdout.split()
        firsts.append(float(out[0]))
        laters.append(float(out[1]))
    return statistics.median(firsts), statistics.median(laters)


def wall(cmd, cwd):
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def ms(seconds):
    return "%.2f ms" % (seconds * 1000)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    pvm = os.path.abspath(argv[1])
    base = os.path.abspath(argv[2]) if len(argv) == 3 else None
    work = tempfile.mkdtemp(prefix="pvm-compile-bench-")
    try:
        probe = os.path.join(work, "probe.pyc")
        with open(os.path.join(work, "probe.py"), "w") as f:
            f.write(PROBE)
        py_compile.compile(os.path.join(work, "probe.py"), cfile=probe, doraise=True)
        hello = os.path.join(work, "hello.pyc")
        with open(os.path.join(work, "hello.py"), "w") as f:
            f.write("print('hello')\n")
        py_compile.compile(os.path.join(work, "hello.py"), cfile=hello, doraise=True)

        print("## compile(): pvm (through python3.11, a co-process) and python3.11\n")
        print("Median of %d; pvm's compiler: %s.\n" % (REPEAT, os.environ.get("PVM_COMPILER") or
                                                       "the built-in path"))
        print("| source | lines | python3.11 compile() | pvm: first compile (starts the "
              "co-process) | pvm: each later compile | later / python3.11 |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, path in sources(work):
            floor = python_compile(path)
            first, later = pvm_compile(pvm, probe, path)
            print("| %s | %d | %s | %s | %s | %.2f |" % (name, lines_of(path), ms(floor), ms(first),
                                                         ms(later), later / floor))

        print("\n## Whole commands (wall time, median of %d)\n" % REPEAT)
        print("| command | time |")
        print("|---|---:|")
        rows = [("pvm hello.pyc (nothing compiled)", [pvm, hello]),
                ("pvm -c pass (starts the co-process)", [pvm, "-c", "pass"]),
                ("python3.11 -c pass", [sys.executable, "-c", "pass"])]
        if base:
            rows.insert(1, ("pvm before the compile service: hello.pyc", [base, hello]))
        for name, cmd in rows:
            print("| `%s` | %s |" % (name, ms(wall(cmd, work))))
        if base and shutil.which("hyperfine"):
            print("\n## Start-up when nothing is compiled (hyperfine -N)\n")
            sys.stdout.flush()
            subprocess.run(["hyperfine", "-N", "--warmup", "20", "--runs", "300", "--style", "basic",
                            "--export-markdown", os.path.join(work, "hf.md"),
                            "-n", "pvm before the compile service: hello.pyc",
                            "%s %s" % (base, hello),
                            "-n", "pvm with the compile service: hello.pyc",
                            "%s %s" % (pvm, hello)],
                           stdout=subprocess.DEVNULL, check=True)
            with open(os.path.join(work, "hf.md")) as f:
                print(f.read())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
