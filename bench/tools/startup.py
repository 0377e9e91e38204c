"""startup.py -- how long commands take to start and exit, interleaved.

Usage:  python3.11 bench/tools/startup.py RUNS "CMD ..." ["CMD ..." ...]

Runs each command in turn, RUNS rounds (so load that comes and goes hits
every command alike), each by fork/exec with stdout to /dev/null, and
prints for each the median wall-clock time (perf_counter around the
child) and the median CPU time (user + system from os.wait4), both in
milliseconds, and both as a ratio to the last command given that is a
python3.11 run (or to the first command when none is).
"""
import os
import shlex
import statistics
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
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
