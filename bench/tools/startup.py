"""startup.py -- how long commands take to start and exit, interleaved.

Usage:  python3.11 bench/tools/startup.py RUNS "CMD ..." ["CMD ..." ...]

Runs each command in turn, RUNS rounds (so load that comes and goes hits
every command alike), each by posix_spawn with stdout to /dev/null, and
prints for each the median wall-clock time (perf_counter around the
child) and the median CPU time (user + system from os.wait4), both in
milliseconds, and both as a ratio to the last command given that is a
python3.11 run (or to the first command when none is).

posix_spawn, not fork and exec: glibc's spawns with vfork semantics, so
the child runs no Python code of the runner before exec.  A forked
python3.11 child does (os.open, dup2, execv), and the copy-on-write faults
that costs, ~0.5 ms on this VM, were charged to every command measured.

Every command runs without the PYTHON* environment variables: python3.11
-I ignores them, and pvm, like a python3.11 run without -I, honours them --
under PYTHONUNBUFFERED=1 (set in this project's shells) `pvm hello.pyc`
made a write(2) per print() piece, 27 where python3.11 -I made one.
"""
import os
import shlex
import statistics
import sys
import time


ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def run_once(argv):
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, ENV,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit("%s: exit status %d" % (" ".join(argv), status))
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    runs = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(runs):
        for i, argv in enumerate(commands):
            wall, cpu = run_once(argv)
            walls[i].append(wall)
            cpus[i].append(cpu)
    ref = 0
    for i, argv in enumerate(commands):
        if "python3" in os.path.basename(argv[0]):
            ref = i
    wall_ref = statistics.median(walls[ref])
    cpu_ref = statistics.median(cpus[ref])
    print("| command | wall ms | ratio | CPU ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    for i, argv in enumerate(commands):
        wall = statistics.median(walls[i])
        cpu = statistics.median(cpus[i])
        print("| `%s` | %.2f | %.3f | %.2f | %.3f |"
              % (" ".join(argv), wall, wall / wall_ref, cpu, cpu / cpu_ref))


main()
