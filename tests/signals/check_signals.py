"""check_signals.py -- Ctrl-C against running programs, pvm beside python3.11.

Usage (normally through tests/run_signals.sh):
    python3.11 tests/signals/check_signals.py PVM [FILTER]

Each tests/signals/<name>.py (whose name contains FILTER) prints a line
`ready` (flushed) just before the loop or the blocking call the test is
about.  For python3.11 running the .py, then for PVM running the .pyc
compiled from it, this script:
  1. starts the program with SIGINT at its default disposition (a parent
     that ignores SIGINT, e.g. a background job, would otherwise pass that
     on, and then neither interpreter raises KeyboardInterrupt: see main);
  2. sends SIGINT each time the program prints `ready`;
  3. collects stdout, the exit status and the last line of stderr, killing
     the program if it is still running TIMEOUT seconds after a signal (a
     program that ignores Ctrl-C is a failure, not a hang of the suite).
The three must be equal.  The expected values are python3.11's, taken at
test time, never written down: after an uncaught KeyboardInterrupt that is
the traceback's last line `KeyboardInterrupt` and CPython's exit by SIGINT
(status -2 here, 130 in a shell).

Prints one FAIL line per difference, then exactly
`signals: N passed, M failed`.  Exit status 0 all passed, 1 some failed,
2 the suite could not run.
"""
import os
import py_compile
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "signals")
TIMEOUT = float(os.environ.get("SIGNALS_TIMEOUT", "10"))
READY = "ready"
SETTLE = 0.2

ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")


def last_line(text):
    lines = text.rstrip("\n").split("\n")
    return lines[-1]


def run(cmd):
    """Run cmd, interrupting it at each `ready` line; return (stdout, exit
    status, last stderr line, note), note saying what went wrong, if
    anything, with the run itself."""
    # stdin is a pipe nobody writes to, so that input() waits (closed at the end).
    p = subprocess.Popen(cmd, cwd=HERE, env=ENV, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # stderr is drained by a thread, so a long traceback cannot block the
    # program while this thread waits for stdout.
    err_chunks = []
    drain = threading.Thread(target=lambda: err_chunks.append(p.stderr.read()))
    drain.start()
    timer = threading.Timer(TIMEOUT, p.kill)
    timer.start()
    out, signals = [], 0
    try:
        for raw in p.stdout:
            line = raw.decode("utf-8", "replace")
            out.append(line)
            if line.rstrip("\n") == READY and p.poll() is None:
                # A moment's grace: a signal that lands between `ready` and
                # the blocking call it announces is lost in CPython too.
                time.sleep(SETTLE)
                p.send_signal(signal.SIGINT)
                signals += 1
                timer.cancel()
                timer = threading.Timer(TIMEOUT, p.kill)
                timer.start()
        status = p.wait()
    finally:
        timer.cancel()
        p.stdin.close()
        drain.join()
    killed = status == -signal.SIGKILL
    note = None
    if killed:
        note = "still running %gs after %s" % (
            TIMEOUT, "SIGINT" if signals else "starting (no `ready` line)")
    elif signals == 0:
        note = "never printed `ready`"
    err = b"".join(err_chunks).decode("utf-8", "replace")
    return "".join(out), status, last_line(err), note


def describe_status(status):
    return "%d" % status if status >= 0 else "killed by signal %d" % -status


def check_one(pvm, name):
    src = os.path.join(HERE, name)
    pyc = os.path.join(BUILD, name + "c")
    try:
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
    except py_compile.PyCompileError as e:
        return "FAIL %s: cannot compile: %s" % (name, e)
    want = run([sys.executable, src])
    if want[3] is not None:
        return "FAIL %s: python3.11 %s (a broken test)" % (name, want[3])
    got = run([pvm, pyc])
    if got[3] is not None:
        return "FAIL %s: pvm %s" % (name, got[3])
    problems = []
    if got[0] != want[0]:
        problems.append("FAIL %s: stdout %r != %r" % (name, got[0], want[0]))
    if got[1] != want[1]:
        problems.append("FAIL %s: exit status %s != %s" % (
            name, describe_status(got[1]), describe_status(want[1])))
    if got[2] != want[2]:
        problems.append("FAIL %s: stderr last line %r != %r" % (name, got[2], want[2]))
    return "\n".join(problems) or None


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: check_signals.py PVM [FILTER]", file=sys.stderr)
        return 2
    pvm = os.path.abspath(argv[1])
    if not os.access(pvm, os.X_OK):
        print("signals: %s is not an executable" % argv[1], file=sys.stderr)
        return 2
    filt = argv[2] if len(argv) == 3 else ""
    names = sorted(n for n in os.listdir(HERE)
                   if n.endswith(".py") and n != os.path.basename(__file__) and filt in n)
    if not names:
        print("signals: no program matches", file=sys.stderr)
        return 2
    # A caught signal is reset to its default in a child at exec, an ignored
    # one stays ignored: catch it here, so the programs start with SIGINT at
    # its default whatever this script inherited.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    os.makedirs(BUILD, exist_ok=True)
    failed = 0
    for name in names:
        report = check_one(pvm, name)
        if report:
            failed += 1
            print(report, flush=True)
    print("signals: %d passed, %d failed" % (len(names) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
