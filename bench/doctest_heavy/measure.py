"""measure.py -- what doctest costs under pvm, whose every example is
compiled by python3.11 (the compile service, loader/compile.c), against
python3.11 itself.

Usage:  python3.11 bench/doctest_heavy/measure.py [PVM] [RUNS]   (./pvm, 5)

examples.py is a module with 150 doctest examples (all passing).  This
measures, as the median of RUNS runs:

  1. the whole program, `examples.py` run as a script (it ends with
     doctest.testmod()): python3.11; pvm with a cold compile cache (an
     empty PVM_COMPILE_CACHE: the co-process starts and compiles the
     script and every example); pvm with a warm one (the same run again:
     every answer comes from the disk cache, python3.11 never starts);
  2. the compiles alone: a probe times its first compile() (of "pass":
     with a cold cache it starts the co-process), then imports examples
     (its bytecode already in __pycache__) and runs testmod() with
     doctest's compile() wrapped in a timer: the median of the 150
     example compiles, their sum, and testmod() as a whole.

Prints a Markdown report (bench/results/doctest_heavy.md is one).
"""
import os
import py_compile
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

PROBE = r'''
import sys, time
t = time.perf_counter()
compile("pass", "<first>", "exec")       # the process's first compile
first = time.perf_counter() - t
import builtins, doctest
sys.path.insert(0, sys.argv[1])
import examples
times = []
def timed_compile(*args, **kwargs):
    t = time.perf_counter()
    code = builtins.compile(*args, **kwargs)
    times.append(time.perf_counter() - t)
    return code
doctest.compile = timed_compile          # doctest's own global lookup finds it first
t = time.perf_counter()
result = doctest.testmod(examples)
total = time.perf_counter() - t
later = sorted(times)
print(result.attempted, result.failed, len(times), first, later[len(later) // 2],
      sum(times), total)
'''


def wall(cmd, env, cwd):
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def ms(seconds):
    return "%.1f ms" % (seconds * 1000)


def modes(pvm, work):
    """(name, command, environment maker) for each way of running: the
    maker gives a fresh cold cache, or the same warm one, per run."""
    base = dict(os.environ)
    base.pop("PVM_COMPILE_CACHE", None)
    warm = os.path.join(work, "warm-cache")
    counter = iter(range(10 ** 6))

    def cold_env():
        return dict(base, PVM_COMPILE_CACHE=os.path.join(work, "cold-%d" % next(counter)))

    return [("python3.11", [sys.executable], lambda: base),
            ("pvm, cold compile cache", [pvm], cold_env),
            ("pvm, warm compile cache", [pvm], lambda: dict(base, PVM_COMPILE_CACHE=warm))]


def main(argv):
    pvm = os.path.abspath(argv[1] if len(argv) > 1 else "./pvm")
    runs = int(argv[2]) if len(argv) > 2 else 5
    work = tempfile.mkdtemp(prefix="pvm-doctest-bench-")
    try:
        shutil.copy(os.path.join(HERE, "examples.py"), work)
        script = os.path.join(work, "examples.py")
        py_compile.compile(script, doraise=True)      # for the probe's import
        with open(os.path.join(work, "probe.py"), "w") as f:
            f.write(PROBE)
        probe = os.path.join(work, "probe.pyc")
        py_compile.compile(os.path.join(work, "probe.py"), cfile=probe, doraise=True)
        all_modes = modes(pvm, work)
        subprocess.run([pvm, script], env=all_modes[2][2](), check=True,
                       stdout=subprocess.DEVNULL)     # fills the warm cache

        print("## doctest.testmod() over 150 examples (bench/doctest_heavy/examples.py)\n")
        print("Median of %d runs; pvm's compiler: %s.\n" % (
            runs, os.environ.get("PVM_COMPILER") or "the built-in path"))
        print("| run | whole program (`examples.py`) | first compile() in the process "
              "| example compiles | each (median) | all of them | testmod() |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, cmd, env in all_modes:
            whole = statistics.median(wall(cmd + [script], env(), work) for _ in range(runs))
            rows = []
            for _ in range(runs):
                out = subprocess.run(cmd + [probe if cmd[0] == pvm else probe[:-1], work],
                                     env=env(), cwd=work, check=True, capture_output=True,
                                     text=True).stdout.split()
                attempted, failed, count = int(out[0]), int(out[1]), int(out[2])
                assert attempted == 150 and failed == 0, out
                rows.append([float(x) for x in out[3:]])
            first, later, compiles, testmod = (statistics.median(r[i] for r in rows)
                                               for i in range(4))
            print("| %s | %s | %s | %d | %.3f ms | %s | %s |" % (
                name, ms(whole), ms(first), count, later * 1000, ms(compiles), ms(testmod)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
