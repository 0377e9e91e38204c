"""check_mutants.py -- run pvm on randomly damaged .pyc files: it must never
die by a signal nor hang.

Usage (normally through tests/run_mutants.sh):
    python3.11 tests/mutants/check_mutants.py PVM [--seed N] [--count N]
                                             [--replay DIR] [--jobs N] [--sanitizer]

The mutants: the golden programs (tests/programs/**/*.py, except those that
touch files or the clock: a damaged file name must not reach the disk) are
compiled by python3.11 into build/mutants/seeds; each mutant is one of them
with 1 to 4 bytes of its marshalled body changed (the 16-byte header is
kept valid, so the loader reads on), chosen by random.Random(seed).  Each
runs under `pvm` in build/mutants, with /dev/null as stdin, 3 s of
wall time and 1 GiB of address space (RLIMIT_AS: a runaway allocation
must end in MemoryError, not in the OOM killer).  The outcomes:

  rejected      the loader or verifier refused it (exit 1, one line)
  ran           it ran: exit status 0, or 1 with a traceback
  signal        killed by a signal (SIGSEGV, SIGABRT...): a failure; not
                SIGINT, by which an uncaught KeyboardInterrupt ends the
                process, as in CPython
  hang          still running after 3 s, although python3.11 finishes it
                within 3 s, and again after 12 s on a second try (30 s
                under --replay: RETRY_PATIENCE, below).  When python3.11
                also runs on, the damaged program loops by itself: counted
                as `slow`, not a failure

--sanitizer is for a pvm built with AddressSanitizer (tests/fuzz/README.md):
no RLIMIT_AS (ASan reserves terabytes of address space for its shadow), the
heap limited to 1 GiB by PVM_HEAPLIMIT instead, 15 s of wall time (ASan is
slower), and a sanitizer report aborts the run, which counts as a signal.

--replay DIR runs every file of DIR (the fuzzer's kept inputs,
tests/fuzz/corpus) instead of mutants.  Failures are copied to
build/mutants/failures/.  Prints the counts, then exactly
`mutants: N passed, M failed` (failed = signal + hang).  Exit status 0
when none failed, 1 when some did, 2 when the suite could not run.
"""
import argparse
import concurrent.futures
import os
import py_compile
import random
import resource
import shutil
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "mutants")
PROGRAMS = os.path.join(ROOT, "tests", "programs")
PYTHON = os.environ.get("PYTHON", "/usr/bin/python3.11")
TIMEOUT = 3.0
ADDRESS_SPACE = 1 << 30
# Programs that use these are left out: a mutated file name or a mutated
# argument of time.sleep must not touch the disk or stall the suite, and
# threads and signals make a run's length depend on timing.
UNSAFE = ("open(", "import os", "from os", "shutil", "time", "sys.stdin", "input(",
          "__import__", "importlib", "subprocess", "posix", "_thread", "threading",
          "signal")


def seeds():
    """The golden programs compiled by python3.11: a sorted list of paths."""
    out = os.path.join(BUILD, "seeds")
    os.makedirs(out, exist_ok=True)
    paths = []
    for d, _, files in sorted(os.walk(PROGRAMS)):
        if os.path.exists(os.path.join(d, ".golden-package")):
            continue
        if os.path.relpath(d, PROGRAMS).split(os.sep)[0] in ("py312", "py313", "py314"):
            continue                    # newer syntax: not python3.11's
        for f in sorted(files):
            src = os.path.join(d, f)
            if not f.endswith(".py"):
                continue
            with open(src, encoding="utf-8") as fh:
                text = fh.read()
            if any(word in text for word in UNSAFE):
                continue
            pyc = os.path.join(out, os.path.relpath(src, PROGRAMS).replace("/", "_") + "c")
            if not os.path.exists(pyc) or os.path.getmtime(pyc) < os.path.getmtime(src):
                py_compile.compile(src, cfile=pyc, doraise=True)
            paths.append(pyc)
    return paths


def mutate(data, rng):
    """1 to 4 bytes after the header set to random values (or bit flips)."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(16, len(data))
        if rng.random() < 0.5:
            data[i] ^= 1 << rng.randrange(8)
        else:
            data[i] = rng.randrange(256)
    return bytes(data)


def limits(sanitizer):
    """The children's limits, set on this process (they are inherited, and
    then subprocess can spawn without running Python code in the child)."""
    if sanitizer:
        os.environ.setdefault("PVM_HEAPLIMIT", "1G")
        os.environ.setdefault("ASAN_OPTIONS", "replace_intrin=0:detect_leaks=0:"
                              "detect_stack_use_after_return=0:abort_on_error=1")
        os.environ.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1:"
                              "abort_on_error=1")
    else:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


timeout = TIMEOUT


def run(cmd, cwd, patience=1):
    """(exit status or None for a timeout, stderr)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout * patience)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return None, b""


# How many times the time a second try of a program gets (outcome).  A
# replay's kept inputs are few and some are heavy on purpose: a fuzzer's
# finding of 3.14 bytecode, which python3.11 rejects at once, so it can
# never count as slow, computes three 128 MiB ints (pow_past_heap_limit_314,
# ~1.9 s of CPU) and took longer than 4 × 3 s at a load average of 8.
RETRY_PATIENCE = 4
REPLAY_RETRY_PATIENCE = 10


def outcome(pvm, path, retry_patience=RETRY_PATIENCE):
    """One of rejected, ran, signal, hang, slow.  The programs write no
    files (UNSAFE), so they all run in the directory of the mutants.  A
    timeout python3.11 does not share is tried once more with
    retry_patience times the time before it counts as a hang: on a loaded
    machine (make check beside other work) a program of half a second went
    past 3 s."""
    cwd = os.path.dirname(path)
    status, err = run([pvm, path], cwd)
    if status is None:
        py_status, _ = run([PYTHON, path], cwd)
        if py_status is None:
            return "slow"
        status, err = run([pvm, path], cwd, patience=retry_patience)
        if status is None:
            return "hang"
    if status == -signal.SIGINT:
        return "ran"            # an uncaught KeyboardInterrupt: CPython's exit too
    if status < 0:
        return "signal"
    if status == 1 and err.count(b"\n") == 1 and b"Traceback" not in err:
        return "rejected"
    return "ran"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pvm")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--replay")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("MUTANT_JOBS", "2")))
    ap.add_argument("--sanitizer", action="store_true")
    args = ap.parse_args()
    global timeout
    if args.sanitizer:
        timeout = 5 * TIMEOUT
    pvm = os.path.abspath(args.pvm)
    if not os.access(pvm, os.X_OK):
        print("mutants: %s is not an executable" % pvm)
        return 2
    os.makedirs(os.path.join(BUILD, "failures"), exist_ok=True)
    work = os.path.join(BUILD, "work-%d" % os.getpid())
    os.makedirs(work, exist_ok=True)
    if args.replay:
        replay = os.path.abspath(args.replay)       # each runs in its own directory
        files = sorted(os.path.join(replay, f) for f in os.listdir(replay))
        what = "%d kept inputs of %s" % (len(files), os.path.relpath(replay, ROOT))
    else:
        rng = random.Random(args.seed)
        sources = seeds()
        files = []
        for k in range(args.count):
            with open(rng.choice(sources), "rb") as f:
                data = mutate(f.read(), rng)
            path = os.path.join(work, "m%05d.pyc" % k)
            with open(path, "wb") as f:
                f.write(data)
            files.append(path)
        what = "%d mutants of %d programs, seed %d" % (len(files), len(sources), args.seed)
    limits(args.sanitizer)
    patience = REPLAY_RETRY_PATIENCE if args.replay else RETRY_PATIENCE
    counts = {"rejected": 0, "ran": 0, "signal": 0, "hang": 0, "slow": 0}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, result in zip(files, pool.map(lambda p: outcome(pvm, p, patience), files)):
            counts[result] += 1
            if result in ("signal", "hang"):
                kept = os.path.join(BUILD, "failures", os.path.basename(path))
                shutil.copy(path, kept)
                print("FAIL %s: %s (kept as %s)" % (path if args.replay else "mutant", result,
                                                    os.path.relpath(kept, ROOT)))
    shutil.rmtree(work, ignore_errors=True)
    failed = counts["signal"] + counts["hang"]
    print("mutants: %s: %d rejected, %d ran, %d killed by a signal, %d hangs, %d slow "
          "(python3.11 as slow)" % (what, counts["rejected"], counts["ran"], counts["signal"],
                                    counts["hang"], counts["slow"]))
    print("mutants: %d passed, %d failed" % (len(files) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
