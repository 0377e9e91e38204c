"""timeit.py — run one command once and print its wall-clock time in seconds.

Usage: python3.11 bench/tools/timeit.py CMD [ARGS...]
The command's stdout is discarded (bench/run.sh checks the output separately);
its stderr is shown.  Exit status: the command's, so a crash is not timed as a
result.  Timing is perf_counter around the whole process, start-up included,
which is what a user of `pvm file.pyc` waits for.
"""
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 2:
        print("usage: timeit.py CMD [ARGS...]", file=sys.stderr)
        return 2
    start = time.perf_counter()
    status = subprocess.call(argv[1:], stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if status != 0:
        print("timeit: %s exited with status %d" % (argv[1], status), file=sys.stderr)
        return status if status > 0 else 1
    print("%.4f" % elapsed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
