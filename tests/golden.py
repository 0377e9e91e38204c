"""golden.py — the golden-test driver: pvm against python3.11, program by program.

Usage (normally through tests/run_golden.sh):
    python3.11 tests/golden.py PVM [FILTER]

For every tests/programs/**/*.py whose path contains FILTER:
  1. compile it to build/golden/<same path>c with py_compile (co_filename is the
     absolute path of the .py, exactly what `python3.11 file.py` would use);
  2. run python3.11 on the .py to learn the expected stdout, exit status and last
     line of stderr -- cached in build/golden/<path>.expected.json, keyed by a hash
     of the source, the Python version and the environment variables that
     change what a program prints (PYTHON*, LC_*, LANG), so re-runs only run pvm;
  3. run PVM on the .pyc (same working directory: the program's folder), with a
     timeout, and compare the three.
Expected output is never committed: it always comes from the reference itself,
the way MicroPython's tests/run-tests.py asks CPython.

Per-program extras (see tests/README.md):
  NAME.stdin   fed to both interpreters' standard input (else /dev/null);
  NAME.args    extra command-line arguments (shell-quoted, one line).
A folder holding a file `.golden-package` is ONE test case of several files
(imports): it is copied to build/golden/<folder>, prepared (its `prepare.py`
run by python3.11 in the copy, or by default `python3.11 -m compileall`),
and run in the copy with the arguments written in `.golden-package` (default
`main.py`), by python3.11 and by pvm alike.  `.golden-stdin` is its stdin.
`.golden-expect` (JSON: stdout, status, stderr; "{dir}" stands for the copy's
path) replaces python3.11's result, ONLY for cases where CPython by definition
behaves differently (none today).

A program also fails when it breaks the layout rules (its name taken by a
program of another group, no first-line comment: see layout_problems).

PYVER=3.12 or 3.13 (run_golden.sh runs this file with that python then):
the same programs compiled by it, its output expected, in
build/golden-3.12 (3.13); the programs of tests/programs/py312/ (3.12
syntax) run only then, those of py313/ only from 3.13 on; a program whose
first line starts "# [3.13 only]" runs only under 3.13.  PYVER=3.14: this
file runs under python3.11, and CPython 3.14 (PYTHON314, pyodide in node:
seconds to start) compiles the programs and gives their expected output in
a few `--batch` processes before pvm runs (see Py314Batch).  A
program listed in tests/golden-3.12.fails (one path a line, as FAIL lines
name it) is a known failure: it is reported as such and not counted as
failed, so that the run fails only when something new breaks; a listed
program that passes is pointed out.

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
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
PYVER = os.environ.get("PYVER", "3.11")
BUILD = os.path.join(ROOT, "build", "golden" if PYVER == "3.11" else "golden-" + PYVER)
KNOWN_FAILS = os.path.join(ROOT, "tests", "golden-%s.fails" % PYVER)
# pvm runs a .pyc as its magic number says; source (a package case's
# main.py) as --python says.
PVM_OPTIONS = [] if PYVER == "3.11" else ["--python=" + PYVER]
# Folders of tests/programs that only a newer Python compiles: the first
# version that does.
ONLY_FROM = {"py312": (3, 12), "py313": (3, 13), "py314": (3, 14)}
# A program whose first line starts "# [3.13 only]" runs only under that
# version (behaviour that a later version changes again).
ONLY_RE = re.compile(r"# \[(3\.\d+) only\]")
PYVER_TUPLE = tuple(map(int, PYVER.split(".")))
PVM_TIMEOUT = float(os.environ.get("GOLDEN_TIMEOUT", "10"))
PY_TIMEOUT = 60.0
DIFF_LINES = 12
# GOLDEN_SHOW_KNOWN=1: print the reports of the known failures too.
SHOW_KNOWN = os.environ.get("GOLDEN_SHOW_KNOWN", "") not in ("", "0")

# Deterministic, quiet environment for both interpreters; pvm compiles
# source (exec, compile, imports without a pyc) with this same python3.11.
# 3.14's CPython: a script running pyodide (tools/python314/python3.14).
PY314 = PYVER == "3.14"
PYTHON314 = os.path.abspath(os.environ.get("PYTHON314") or
                            os.path.join(ROOT, "tools", "python314", "python3.14"))
REFERENCE = PYTHON314 if PY314 else sys.executable
# How python3.14 runs a program (its runner): part of an expected result's key.
try:
    with open(os.path.join(os.path.dirname(os.path.realpath(PYTHON314)), "py314.mjs")) as f:
        RUNNER314 = f.read()
except OSError:
    RUNNER314 = ""
# pvm compiles 3.14 source with its own default (build/*/pvm-compile314, a
# relay to a compile server running python3.14: see CompileServer).
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0",
           **({} if PY314 else
              {"PVM_COMPILER" + ("" if PYVER == "3.11" else PYVER.replace(".", "")): REFERENCE}))


PACKAGE_MARK = ".golden-package"


def find_programs(filt):
    """Relative paths (tests/programs/...) of every program and package case
    matching filt, sorted.  A package case is named by its folder."""
    found = []
    for folder, dirs, files in os.walk(PROGRAMS):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel_folder = os.path.relpath(folder, PROGRAMS)
        if ONLY_FROM.get(rel_folder.split(os.sep)[0], PYVER_TUPLE) > PYVER_TUPLE:
            dirs[:] = []
            continue
        if PACKAGE_MARK in files:
            dirs[:] = []                    # its files belong to the case
            if not filt or filt in rel_folder + "/":
                found.append(rel_folder + "/")
            continue
        for name in files:
            if name.endswith(".py"):
                rel = os.path.relpath(os.path.join(folder, name), PROGRAMS)
                if (not filt or filt in rel) and runs_under_pyver(rel):
                    found.append(rel)
    return sorted(found)


def runs_under_pyver(rel):
    """False for a program marked for another version only (ONLY_RE)."""
    with open(os.path.join(PROGRAMS, rel), encoding="utf-8") as f:
        only = ONLY_RE.match(f.readline())
    return only is None or only.group(1) == PYVER


def layout_problems(progs):
    """The programs that break the layout rules of tests/README.md, each with
    its FAIL line: a test name (a program's file name, a package case's
    folder name) used twice, so that a name no longer selects one test; a
    program whose first line is not a `#` comment saying what it tests."""
    problems = {}
    first_seen = {}
    for rel in progs:
        name = os.path.basename(rel.rstrip("/"))
        name = name[:-3] if name.endswith(".py") else name
        if name in first_seen:
            problems[rel] = "FAIL %s: the test name %r is taken by %s" % (rel, name, first_seen[name])
        first_seen.setdefault(name, rel)
        if not rel.endswith("/"):
            with open(os.path.join(PROGRAMS, rel), encoding="utf-8") as f:
                if not f.readline().startswith("#"):
                    problems[rel] = ("FAIL %s: the first line must be a # comment "
                                     "saying what the program tests" % rel)
    return problems


def last_line(text):
    """The last line of stderr (empty when there was none)."""
    lines = text.rstrip("\n").split("\n")
    return lines[-1]


def run(cmd, cwd, timeout, stdin=None):
    """Run cmd (stdin: bytes or None for /dev/null); return (stdout, exit
    status, last stderr line) or None on timeout."""
    # A session of its own, so a timeout kills the whole process group.
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV,
                         stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(input=stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    return out, p.returncode, last_line(err)


def read_optional(path):
    """A file's bytes, or None when it does not exist."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def expected(rel, cmd, cwd, source, stdin=None):
    """python3.11's result for the program, from the cache when the inputs
    (source, arguments, stdin, where it runs) are unchanged."""
    key = expected_key(cmd, cwd, source, stdin)
    res = cached_expected(rel, key)
    if res is not None:
        return res
    res = py314.result(rel, "run") if PY314 else run([sys.executable] + cmd, cwd, PY_TIMEOUT, stdin)
    if res is None:
        raise RuntimeError("python%s timed out on %s" % (PYVER, rel))
    with open(expected_cache(rel), "w") as f:
        json.dump({"key": key, "stdout": res[0], "status": res[1],
                   "stderr": res[2]}, f)
    return res


def expected_key(cmd, cwd, source, stdin):
    """The inputs of an expected result: the program, the reference, and the
    environment variables that change what a program prints (a cache made
    with PYTHONUNBUFFERED=1 says sys.stderr is not line-buffered)."""
    version = PYTHON314 + RUNNER314 if PY314 else sys.version
    env = sorted((k, v) for k, v in ENV.items()
                 if k.startswith(("PYTHON", "LC_")) or k == "LANG")
    return hashlib.sha256(source + version.encode() + repr(cmd).encode() +
                          repr(env).encode() + cwd.encode() +
                          (stdin or b"")).hexdigest()


def expected_cache(rel):
    return os.path.join(BUILD, rel.rstrip("/") + ".expected.json")


def cached_expected(rel, key):
    """The cached expected result of a program, None when stale or absent."""
    try:
        with open(expected_cache(rel)) as f:
            data = json.load(f)
        if data["key"] == key:
            return data["stdout"], data["status"], data["stderr"]
    except (OSError, ValueError, KeyError):
        pass
    return None


def compile_program(rel):
    """Compile one program; return (source path, pyc path, source bytes)."""
    src = os.path.join(PROGRAMS, rel)
    pyc = os.path.join(BUILD, rel + "c")
    os.makedirs(os.path.dirname(pyc), exist_ok=True)
    if PY314:
        py314.check(rel, "compile")
    else:
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
    with open(src, "rb") as f:
        return src, pyc, f.read()


def short_diff(want, got):
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(),
                                "python" + PYVER, "pvm", lineterm="", n=1)
    lines = list(diff)
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + ["    ... (%d more diff lines)" % (len(lines) - DIFF_LINES)]
    return "\n".join("    " + line for line in lines)


def describe_status(status):
    """An exit status, or the signal that killed the process (Popen reports -N)."""
    return "%d" % status if status >= 0 else "killed by signal %d" % -status


def compare(rel, want, got):
    """None when pvm's result equals the expected one, else the report."""
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


def check_program(pvm, rel):
    """One ordinary program: tests/programs/<group>/<name>.py."""
    try:
        src, pyc, source = compile_program(rel)
        stdin = read_optional(src[:-3] + ".stdin")
        args = read_optional(src[:-3] + ".args")
        args = shlex.split(args.decode()) if args else []
        source += (stdin or b"") + repr(args).encode()
        want = expected(rel, [src] + args, os.path.dirname(src), source, stdin)
    except Exception as e:  # a broken test program is a failure, not a crash
        return "FAIL %s: cannot prepare: %s" % (rel, e)
    return compare(rel, want, run([pvm, pyc] + args, os.path.dirname(src), PVM_TIMEOUT, stdin))


def folder_bytes(folder):
    """Every file of a package case (names and contents), for the cache key."""
    data = []
    for base, dirs, files in sorted(os.walk(folder)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(base, name)
            data.append(os.path.relpath(path, folder).encode() + b"\0")
            data.append(read_optional(path) or b"")
    return b"".join(data)


def prepare_package(rel):
    """Copy a package case to build/golden and compile it as it asks."""
    src = os.path.join(PROGRAMS, rel)
    work = os.path.join(BUILD, rel.rstrip("/"))
    if PY314:                       # copied and prepared by Py314Batch
        py314.check(rel, "prepare")
        return src, work
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(src, work, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable] + prepare_args(work), cwd=work, env=ENV, check=True,
                   timeout=PY_TIMEOUT, stdout=subprocess.DEVNULL)
    return src, work


def prepare_args(work):
    """How a package case's copy is prepared: its prepare.py, else compileall."""
    if os.path.exists(os.path.join(work, "prepare.py")):
        return ["prepare.py"]
    return ["-m", "compileall", "-q", "."]


def check_package(pvm, rel):
    """A package case: a folder with .golden-package (see the module doc)."""
    try:
        src, work = prepare_package(rel)
        with open(os.path.join(src, PACKAGE_MARK)) as f:
            cmd = shlex.split(f.read()) or ["main.py"]
        stdin = read_optional(os.path.join(src, ".golden-stdin"))
        hand = read_optional(os.path.join(src, ".golden-expect"))
        if hand is not None:
            data = json.loads(hand.decode().replace("{dir}", work))
            want = data["stdout"], data["status"], data["stderr"]
        else:
            want = expected(rel, cmd, work, folder_bytes(src), stdin)
    except Exception as e:
        return "FAIL %s: cannot prepare: %s" % (rel, e)
    return compare(rel, want, run([pvm] + PVM_OPTIONS + cmd, work, PVM_TIMEOUT, stdin))


def check_one(pvm, rel):
    """Return None when the program passes, else the failure report."""
    if rel.endswith("/"):
        return check_package(pvm, rel)
    return check_program(pvm, rel)


BATCH_ENDED = "python3.14 --batch ended"


class Py314Batch:
    """CPython 3.14's part of a 3.14 run, done before pvm runs: for each
    program, the jobs python3.14 must do (compile the .pyc, prepare a
    package case's copy, run the program when its expected output is not
    cached), sent as JSON lines to a few `python3.14 --batch` processes
    (tools/python314/py314.mjs).  A job that does not answer within
    PY_TIMEOUT is a timeout; its process is killed and a new one takes the
    jobs left."""

    WORKERS = 2

    def __init__(self):
        self.results = {}               # (rel, kind) -> (stdout, status, stderr line) or None

    def result(self, rel, kind):
        return self.results.get((rel, kind))

    def check(self, rel, kind):
        """Raise when python3.14 could not do the job."""
        res = self.result(rel, kind)
        if res is None:
            raise RuntimeError("python3.14 timed out (%s)" % kind)
        if res[1] != 0:
            raise RuntimeError("python3.14 failed (%s): %s" % (kind, res[2]))

    def jobs_for(self, rel):
        """The jobs of one program, in order: [(kind, job)]."""
        env = dict(ENV)
        if rel.endswith("/"):
            src = os.path.join(PROGRAMS, rel)
            work = os.path.join(BUILD, rel.rstrip("/"))
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(src, work, ignore=shutil.ignore_patterns("__pycache__"))
            jobs = [("prepare", {"argv": prepare_args(work), "cwd": work, "env": env})]
            with open(os.path.join(src, PACKAGE_MARK)) as f:
                cmd = shlex.split(f.read()) or ["main.py"]
            stdin = read_optional(os.path.join(src, ".golden-stdin"))
            key = expected_key(cmd, work, folder_bytes(src), stdin)
            cwd = work
        else:
            src = os.path.join(PROGRAMS, rel)
            pyc = os.path.join(BUILD, rel + "c")
            os.makedirs(os.path.dirname(pyc), exist_ok=True)
            compile_code = ("import py_compile, sys; py_compile.compile(sys.argv[1], "
                            "cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)")
            jobs = [("compile", {"argv": ["-c", compile_code, src, pyc], "cwd": ROOT, "env": env})]
            stdin = read_optional(src[:-3] + ".stdin")
            args = read_optional(src[:-3] + ".args")
            args = shlex.split(args.decode()) if args else []
            with open(src, "rb") as f:
                source = f.read() + (stdin or b"") + repr(args).encode()
            cmd = [src] + args
            cwd = os.path.dirname(src)
            key = expected_key(cmd, cwd, source, stdin)
        if cached_expected(rel, key) is None:
            job = {"argv": cmd, "cwd": cwd, "env": env}
            if stdin is not None:
                job["stdin"] = stdin.decode("utf-8", "replace")
            jobs.append(("run", job))
        return [(rel, kind, job) for kind, job in jobs]

    def run_all(self, progs, known):
        # A program's jobs stay in one share, in order.  The known failures
        # go last: some (a signal handler writing to stdout, stdout's byte
        # order) leave pyodide's stdout so that the next program in the same
        # process printed nothing at all.
        shares = [[] for _ in range(self.WORKERS)]
        ordered = [rel for rel in progs if rel not in known] + \
                  [rel for rel in progs if rel in known]
        for i, rel in enumerate(ordered):
            shares[i % self.WORKERS].extend(self.jobs_for(rel))
        with concurrent.futures.ThreadPoolExecutor(self.WORKERS) as pool:
            list(pool.map(self.run_share, shares))

    def run_share(self, jobs):
        retried = set()
        while jobs:
            done = self.run_batch(jobs)
            if done < len(jobs):        # jobs[done] timed out (its result stays None)
                rel, kind, _ = jobs[done]
                res = self.results.get((rel, kind))
                # or python3.14 itself ended during it, or answered with a
                # line that is not JSON: pyodide crashes now and then, sometimes
                # only after many programs, and under heavy load it once wrote
                # a broken answer line, so the job gets one more try in a
                # fresh process before it counts as a failure.  So does a
                # compile that failed: once in CI, pyodide's compile of
                # strings/escapes.py raised "SystemError: <class
                # 'UnicodeDecodeError'> returned a result with an exception
                # set", a file it compiled in every other process.
                if res is not None and (res[2] == BATCH_ENDED or kind == "compile") and \
                        (rel, kind) not in retried:
                    retried.add((rel, kind))
                    del self.results[rel, kind]
                else:
                    done += 1
            jobs = jobs[done:]

    def run_batch(self, jobs):
        """Run jobs in one python3.14 until one times out or a compile fails;
        return how many answered before it."""
        p = subprocess.Popen([PYTHON314, "--batch"], cwd=ROOT, env=ENV, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        answers = queue.Queue()
        threading.Thread(target=self.read, args=(p, answers), daemon=True).start()
        threading.Thread(target=self.feed, args=(p, jobs), daemon=True).start()
        done = 0
        start_timeout = PY_TIMEOUT + 30         # the first answer waits for node to load
        try:
            for rel, kind, _ in jobs:
                try:
                    line = answers.get(timeout=start_timeout if done == 0 else PY_TIMEOUT)
                except queue.Empty:
                    break
                if line is None:        # python3.14 ended: the job killed it
                    self.results[rel, kind] = ("", 1, BATCH_ENDED)
                    break
                try:
                    data = json.loads(line)
                except ValueError:      # not an answer: the process is in a bad state
                    self.results[rel, kind] = ("", 1, BATCH_ENDED)
                    break
                self.results[rel, kind] = (data["stdout"], data["status"], last_line(data["stderr"]))
                if kind == "compile" and data["status"] != 0:
                    break               # run_share decides: one more try, or go on
                done += 1
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
        return done

    @staticmethod
    def read(p, answers):
        for line in p.stdout:
            answers.put(line)
        answers.put(None)

    @staticmethod
    def feed(p, jobs):
        try:
            for _, _, job in jobs:
                p.stdin.write(json.dumps(job) + "\n")
                p.stdin.flush()
            p.stdin.close()
        except (BrokenPipeError, OSError):
            pass


py314 = Py314Batch()


class CompileServer:
    """pvm's 3.14 compile server (tools/python314/compile_relay.c), started
    before pvm runs and kept busy until the end: python3.14 loads in
    seconds, longer than a program's timeout, so the first program that
    compiles source must not be the one that waits for it.  A pvm process
    that compiles a string (so it starts the server, or connects to the
    running one) and then waits for its stdin to close holds a connection,
    so the server does not end between programs."""

    START_TIMEOUT = 300.0
    PROGRAM = "print('ready', flush=True); import sys; sys.stdin.read()"

    def __init__(self, pvm):
        # Without the compile cache, so that the compile reaches the server.
        self.p = subprocess.Popen([pvm, "--python=3.14", "-c", self.PROGRAM],
                                  env=dict(ENV, PVM_COMPILE_CACHE="off"),
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, start_new_session=True)
        self.answer = queue.Queue()
        threading.Thread(target=lambda: self.answer.put(self.p.stdout.readline()),
                         daemon=True).start()

    def wait(self):
        """Print why when the server did not start (programs then fail)."""
        try:
            line = self.answer.get(timeout=self.START_TIMEOUT)
        except queue.Empty:
            line = b""
        if line != b"ready\n":
            print("golden: pvm's 3.14 compile server did not start", file=sys.stderr)

    def stop(self):
        try:
            self.p.stdin.close()
            self.p.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.p.pid, signal.SIGKILL)
            self.p.wait()


def main(argv):
    # A shell starts a background job with SIGINT ignored, and an ignored
    # signal stays ignored across exec: both interpreters would then leave
    # SIGINT alone (signal.getsignal(SIGINT) is SIG_IGN, Ctrl-C and
    # _thread.interrupt_main() do nothing) and a cached expected result
    # would hold that for later runs from a terminal.  The programs run as
    # from a terminal, wherever this runs: a handler becomes SIG_DFL at exec.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if len(argv) not in (2, 3):
        print("usage: golden.py PVM [FILTER]", file=sys.stderr)
        return 2
    pvm_arg = argv[1]
    filt = argv[2] if len(argv) == 3 else ""
    pvm = os.path.abspath(pvm_arg)
    if not os.access(pvm, os.X_OK):
        print("golden: %s is not an executable" % pvm_arg, file=sys.stderr)
        return 2
    progs = find_programs(filt)
    if not progs:
        print("golden: no program matches", file=sys.stderr)
        return 2
    problems = layout_problems(find_programs(""))
    known = known_failures()
    if PY314:
        if not os.access(PYTHON314, os.X_OK):
            print("golden: no python3.14 at %s (make deps installs it)" % PYTHON314, file=sys.stderr)
            return 2
        server = CompileServer(pvm)
        py314.run_all(progs, known)
        server.wait()
    try:
        failed, known_failed = check_all(pvm, progs, problems, known)
    finally:
        if PY314:
            server.stop()
    if known:
        print("golden %s: %d known failures (%s)" % (PYVER, known_failed,
                                                     os.path.relpath(KNOWN_FAILS, ROOT)))
    print("golden: %d passed, %d failed" % (len(progs) - failed - known_failed, failed))
    return 1 if failed else 0


def check_all(pvm, progs, problems, known):
    """Run pvm on every program; print the failures; (failed, known failed)."""
    jobs = int(os.environ.get("GOLDEN_JOBS", "0")) or min(8, (os.cpu_count() or 1) + 1)
    failed = known_failed = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = pool.map(lambda rel: (rel, problems.get(rel) or check_one(pvm, rel)), progs)
        for rel, report in results:
            if report and rel in known:
                known_failed += 1
                if SHOW_KNOWN:
                    print("KNOWN " + report, flush=True)
            elif report:
                failed += 1
                print(report, flush=True)
            elif rel in known:
                print("PASS %s: listed in %s, now passes" % (rel, os.path.relpath(KNOWN_FAILS, ROOT)))
    return failed, known_failed


def known_failures():
    """The programs tests/golden-PYVER.fails lists (none for 3.11)."""
    if PYVER == "3.11":
        return set()
    data = read_optional(KNOWN_FAILS) or b""
    return {line.strip() for line in data.decode().splitlines()
            if line.strip() and not line.startswith("#")}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
