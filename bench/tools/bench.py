"""bench.py — the benchmark runner behind bench/run.sh (read bench/README.md).

    python3.11 bench/tools/bench.py [VARIANT ...] [FILTER ...]

A VARIANT is one pvm to measure, written as one argument:
    PATH                          label "pvm"
    LABEL=PATH                    e.g. clang=build/clang/pvm
    "LABEL=PATH ARG..."           e.g. "goto=./pvm --dispatch=goto": the words
                                  after PATH are passed to pvm before the .pyc
Any other argument is a FILTER: only programs whose name contains one of the
filters run.  With no VARIANT, ./pvm is measured.

For each program bench/NAME.py, in order:
 1. check: python3.11 runs the .py (the reference output); every variant runs
    the .pyc that python3.11 compiled.  A variant whose stdout or exit status
    differs is reported (MISMATCH, or UNSUPPORTED when pvm says it "does not
    support" an instruction yet, CRASH, TIMEOUT) and is never timed.
 2. time: BENCH_RUNS rounds (default 5); each round runs python3.11 on the .pyc
    and every good variant once, in an order rotated by one every round, so slow
    drifts of the machine's load fall on every variant alike.  The reported time
    is the median wall-clock time of the whole process (start-up included); the
    ratio is variant median / python3.11 median (below 1: pvm is faster).
    With PYVER=3.12 (PYTHON a python3.12), python3.12 plays python3.11's
    part throughout, and the results go to bench/results/3.12/.
 3. hardware counters: if `perf stat` can count instructions here, one extra run
    per variant under `perf stat -x, -e instructions,branches,branch-misses`.
 4. instruction counts (BENCH_CALLGRIND=1): the program at its small size (the
    line `N = FULL  # small: SMALL` rewritten to `N = SMALL` in a temporary
    copy) under `valgrind --tool=callgrind`: total Ir per variant, and
    (Ir - Ir of an empty program) / executed bytecode instructions, the count
    coming from tools/opcount.py.

Writes bench/results/latest.md, latest.json (every raw time) and ratio.svg
(with gnuplot, if installed).  Environment: PYTHON, BENCH_RUNS, BENCH_CALLGRIND,
BENCH_PERF (0 = off, or the perf command), BENCH_TIMEOUT (seconds per run,
default 120), BENCH_OUT (results directory), BENCH_CHART (0 = no chart).
Exit status: 0 if every variant printed the right output for every program
that it supports, 1 if some output was wrong (a MISMATCH, CRASH or TIMEOUT),
2 on a usage error.
"""
import datetime
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))   # bench/
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build", "bench")
# PYVER (default 3.11): the CPython version the programs are compiled by and
# compared with (PYTHON is that version's interpreter; `make bench PYVER=3.12`
# finds it); REF labels it in every table.
PYVER = os.environ.get("PYVER", "3.11")
REF = "python" + PYVER
SMALL_RE = re.compile(r"^N = (\S+)(\s*)# small: (\S+)\s*$", re.M)
UNSUPPORTED_RE = re.compile(r"does not support|not supported|NotImplemented")
GNU_TIME = "/usr/bin/time"
# A variant whose `--stats` prints this line on stderr gives its own bytecode
# count (Bench.stats_count).  pvm's --stats prints a table headed "-- pvm
# --stats: N instructions executed" instead, so pvm's count comes from
# tools/opcount.py (python3.11 tracing the same program).
STATS_RE = re.compile(rb"^bytecodes executed:\s*(\d+)\s*$", re.M)
PERF_EVENTS = ("instructions", "branches", "branch-misses")


# ---- configuration ---------------------------------------------------------

class Variant:
    """One interpreter to measure: a label, and the command before the file."""

    def __init__(self, label, argv):
        self.label = label
        self.argv = argv

    def command(self, pyc):
        return self.argv + [pyc]


def env_int(name, default):
    text = os.environ.get(name, "")
    try:
        return int(text) if text else default
    except ValueError:
        sys.exit("bench: %s must be a number, not %r" % (name, text))


def parse_args(args):
    """Split the arguments into variants and filters (see the file comment)."""
    variants, filters = [], []
    for arg in args:
        words = shlex.split(arg)
        first = words[0] if words else ""
        label, eq, path = first.partition("=")
        if not eq:
            label, path = "pvm", first
        if eq or "/" in first or len(words) > 1 or os.path.isfile(path):
            if not (os.path.isfile(path) and os.access(path, os.X_OK)):
                sys.exit("bench: %s is not an executable (from %r)" % (path, arg))
            if not re.fullmatch(r"[A-Za-z0-9_.+-]+", label):
                sys.exit("bench: bad label %r: use letters, digits and _.+-" % label)
            variants.append(Variant(label, [os.path.abspath(path)] + words[1:]))
        else:
            filters.append(arg)
    if not variants:
        variants.append(Variant("pvm", [os.path.join(ROOT, "pvm")]))
    labels = [v.label for v in variants]
    if len(set(labels)) != len(labels) or REF in labels:
        sys.exit("bench: labels must be distinct (got %s)" % ", ".join(labels))
    return variants, filters


def find_programs(filters):
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    if not names:
        sys.exit("bench: no benchmark matches %s" % " ".join(filters))
    return names


# ---- compiling ---------------------------------------------------------------

def compile_programs(python, names):
    """Compile every program (and its small variant) with python3.11 in one
    process; returns {name: (pyc, small_pyc or None, small_py or None)}."""
    os.makedirs(os.path.join(BUILD, "small"), exist_ok=True)
    out = {}
    jobs = []
    for name in names:
        src = os.path.join(HERE, name + ".py")
        pyc = os.path.join(BUILD, name + ".pyc")
        jobs.append((src, pyc, src))
        with open(src) as f:
            text = f.read()
        small_py = small_pyc = None
        if SMALL_RE.search(text):
            small_py = os.path.join(BUILD, "small", name + ".py")
            small_pyc = os.path.join(BUILD, "small", name + ".pyc")
            with open(small_py, "w") as f:
                f.write(SMALL_RE.sub(r"N = \3", text, count=1))
            jobs.append((small_py, small_pyc, src))
        out[name] = (pyc, small_pyc, small_py)
    empty_py = os.path.join(BUILD, "small", "_empty.py")
    with open(empty_py, "w") as f:
        f.write("pass\n")
    jobs.append((empty_py, os.path.join(BUILD, "small", "_empty.pyc"), empty_py))
    script = ("import py_compile, sys\n"
              "a = sys.argv[1:]\n"
              "for i in range(0, len(a), 3):\n"
              "    py_compile.compile(a[i], cfile=a[i + 1], dfile=a[i + 2], doraise=True)\n")
    subprocess.run([python, "-c", script] + [x for job in jobs for x in job], check=True)
    return out


# ---- running -------------------------------------------------------------------

def run_captured(argv, timeout, rss=None):
    """Run to completion; returns (status, stdout, stderr) with status 'timeout'
    when it had to be killed.  With rss (a dict), GNU time measures the peak
    resident set size into rss["kib"]: the runner cannot measure it itself,
    because a child forked from this (big) process inherits its RSS high-water
    mark across exec."""
    measure = rss is not None and os.access(GNU_TIME, os.X_OK)
    if measure:
        argv = [GNU_TIME, "-f", "%M", "-o", os.path.join(BUILD, "rss.txt")] + argv
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return "timeout", b"", b""
    status = p.returncode
    if measure:
        with open(os.path.join(BUILD, "rss.txt")) as f:
            lines = f.read().splitlines()
        killed = [l for l in lines if "terminated by signal" in l]
        if killed:
            status = -int(killed[0].split()[-1])
        elif lines and lines[-1].strip().isdigit():
            rss["kib"] = int(lines[-1])
    return status, out, err


def run_timed(argv, timeout, rss=False):
    """One timed run with output discarded: (wall seconds, user+system CPU
    seconds, peak RSS KiB or None), or None when it failed or timed out.
    With rss, GNU time runs the program and measures its peak resident set
    size (see run_captured); its own start, ~1 ms, is then in the time of
    every command alike."""
    measure = rss and os.access(GNU_TIME, os.X_OK)
    rss_file = os.path.join(BUILD, "rss_timed.txt")
    if measure:
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return None
    kib = None
    if measure:
        with open(rss_file) as f:
            lines = f.read().splitlines()
        if lines and lines[-1].strip().isdigit():
            kib = int(lines[-1])
    return elapsed, usage.ru_utime + usage.ru_stime, kib


def classify(want, got):
    """Compare a variant's (status, stdout, stderr) with python3.11's."""
    status, out, err = got
    if status == "timeout":
        return "TIMEOUT", "killed after BENCH_TIMEOUT seconds"
    if (status, out) == (want[0], want[1]):
        return "ok", ""
    last = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
    if status != 0 and UNSUPPORTED_RE.search(last[0]):
        return "UNSUPPORTED", last[0]
    if isinstance(status, int) and status < 0:
        return "CRASH", "killed by signal %d%s" % (-status, "; " + last[0] if last[0] else "")
    return "MISMATCH", describe_difference(want, got, last[0])


def describe_difference(want, got, last_err):
    if got[0] != want[0]:
        return "exit status %s, %s %s; %s" % (got[0], REF, want[0], last_err)
    a = want[1].decode(errors="replace").splitlines()
    b = got[1].decode(errors="replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x != y:
            return "line %d: %s %r, pvm %r" % (i + 1, REF, x[:60], y[:60])
    return "output differs"


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def spread(xs):
    """Half the range, as a fraction of the median: how far runs scattered."""
    return (max(xs) - min(xs)) / 2 / median(xs) if xs else 0.0


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


# ---- perf ----------------------------------------------------------------------

def perf_command():
    """The perf command if it can count our events here, else (None, reason)."""
    setting = os.environ.get("BENCH_PERF", "")
    if setting == "0":
        return None, "switched off (BENCH_PERF=0)"
    perf = setting or "perf"
    if not shutil.which(perf):
        return None, "`perf` is not installed (Debian: linux-perf)"
    values, err = perf_stat([perf], ["true"])
    if values is None:
        return None, "`perf stat -e %s true` does not count here: %s" % (
            ",".join(PERF_EVENTS), err)
    return perf, ""


def perf_stat(perf, argv, timeout=600):
    """Run argv under perf stat -x, ; returns ({event: count}, None) or
    (None, reason)."""
    cmd = perf + ["stat", "-x,", "-e", ",".join(PERF_EVENTS), "--"] + argv
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout)
    except (subprocess.TimeoutExpired, OSError) as e:
        return None, str(e)
    values = {}
    for line in p.stderr.decode(errors="replace").splitlines():
        fields = line.split(",")
        if len(fields) < 3:
            continue
        event = fields[2].split(":")[0]
        if event in PERF_EVENTS:
            if not fields[0].strip().isdigit():
                return None, "%s is %s" % (event, fields[0].strip() or "empty")
            values[event] = int(fields[0])
    missing = [e for e in PERF_EVENTS if e not in values]
    if p.returncode != 0 or missing:
        return None, "perf exited %d, missing %s" % (p.returncode, ",".join(missing) or "-")
    return values, None


# ---- callgrind -------------------------------------------------------------------

def callgrind_ir(argv, outfile, timeout):
    """Total instructions (Ir) of one run under callgrind, with its stdout;
    (None, reason) if it failed."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + outfile] + argv
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0:
        return None, "exit status %d" % p.returncode
    with open(outfile) as f:
        for line in f:
            if line.startswith(("totals:", "summary:")):
                return int(line.split()[1]), p.stdout
    return None, "no totals in %s" % outfile


def count_opcodes(python, small_py, timeout):
    outfile = small_py + ".opcodes"
    status, out, err = run_captured(
        [python, os.path.join(HERE, "tools", "opcount.py"), small_py, outfile], timeout)
    if status != 0:
        return None, out
    with open(outfile) as f:
        return int(f.read()), out


# ---- the measurement ---------------------------------------------------------

class Bench:
    def __init__(self, python, variants, names):
        self.python = python
        self.variants = variants
        self.names = names
        self.runs = env_int("BENCH_RUNS", 5)
        self.timeout = env_int("BENCH_TIMEOUT", 120)
        self.results = {}       # name -> {label: {...}}
        self.startup = {}       # label -> median seconds of an empty program
        self.perf_reason = ""
        self.callgrind = {}     # name -> {"opcodes": n, label: Ir, ...}
        self.callgrind_note = ""
        self.failed = False

    def all_labels(self):
        return [REF] + [v.label for v in self.variants]

    def commands(self, pyc):
        cmds = {REF: [self.python, pyc]}
        for v in self.variants:
            cmds[v.label] = v.command(pyc)
        return cmds

    def interleaved(self, cmds, labels, rss=False):
        """BENCH_RUNS rounds, the order rotated each round; {label: [(wall,
        cpu, rss KiB or None)]}; rss: measure peak RSS in each run too."""
        samples = {label: [] for label in labels}
        for r in range(self.runs):
            k = r % len(labels)
            for label in labels[k:] + labels[:k]:
                sample = run_timed(cmds[label], self.timeout, rss)
                if sample is not None:
                    samples[label].append(sample)
        return samples

    def measure(self, name, pyc):
        src = os.path.join(HERE, name + ".py")
        rss = {}
        want = run_captured([self.python, src], self.timeout, rss)
        row = {}
        if want[0] != 0:
            msg = want[2].decode(errors="replace").strip().splitlines()[-1:]
            row[REF] = {"status": "ERROR", "note": "%s failed: %s" % (REF, msg)}
            self.failed = True
            return row
        cmds = self.commands(pyc)
        good = [REF]
        for v in self.variants:
            vrss = {}
            status, note = classify(want, run_captured(cmds[v.label], self.timeout, vrss))
            row[v.label] = {"status": status, "note": note}
            if "kib" in vrss:
                row[v.label]["rss_kib"] = vrss["kib"]
            if status == "ok":
                good.append(v.label)
            elif status != "UNSUPPORTED":
                self.failed = True
        row[REF] = {"status": "ok", "note": ""}
        if "kib" in rss:
            row[REF]["rss_kib"] = rss["kib"]
        if len(good) == 1:
            row[REF]["status"] = "not timed"
            return row
        samples = self.interleaved(cmds, good, rss=True)
        for label in good:
            times = [t for t, _, _ in samples[label]]
            if len(times) < self.runs:
                row[label] = {"status": "MISMATCH", "note": "failed in a timed run"}
                self.failed = True
                continue
            cpu = [c for _, c, _ in samples[label]]
            row[label].update(times=times, median=median(times), spread=spread(times),
                              cpu_times=cpu, cpu_median=median(cpu))
            # Peak RSS: the median of the checking run's and the timed runs'
            # readings; one reading alone may catch a program's rare high mode.
            readings = [k for _, _, k in samples[label] if k is not None]
            if "rss_kib" in row[label]:
                readings.append(row[label]["rss_kib"])
            if readings:
                row[label].update(rss_kib=median(readings), rss_readings=readings)
        base = row[REF].get("median")
        cpu_base = row[REF].get("cpu_median")
        for label in good[1:]:
            if base and "median" in row[label]:
                row[label]["ratio"] = row[label]["median"] / base
                if cpu_base and row[label]["cpu_median"] > 0:
                    row[label]["cpu_ratio"] = row[label]["cpu_median"] / cpu_base
        return row

    def measure_startup(self, empty_pyc):
        """Start-up time: an empty program, for python3.11 and every variant
        that ran at least one program correctly."""
        labels = [REF] + [v.label for v in self.variants if any(
            "median" in self.results[n].get(v.label, {}) for n in self.names)]
        samples = self.interleaved(self.commands(empty_pyc), labels)
        for label, s in samples.items():
            if s:
                self.startup[label] = median([t for t, _, _ in s])

    def measure_perf(self, programs):
        perf, self.perf_reason = perf_command()
        if not perf:
            print("perf: skipped: " + self.perf_reason)
            return
        print("perf: one run per program and variant under perf stat")
        for name in self.names:
            for label, cmd in self.commands(programs[name][0]).items():
                cell = self.results[name].get(label, {})
                if "median" not in cell:
                    continue
                values, err = perf_stat([perf], cmd, self.timeout)
                cell["perf"] = values if values else {"error": err}

    def measure_callgrind(self, programs):
        if os.environ.get("BENCH_CALLGRIND", "0") in ("", "0"):
            self.callgrind_note = "not run: set BENCH_CALLGRIND=1 (adds a few minutes)"
            return
        if not shutil.which("valgrind"):
            self.callgrind_note = "not run: valgrind is not installed (Debian: valgrind)"
            print("callgrind: " + self.callgrind_note)
            return
        print("callgrind: small sizes; Ir per variant, bytecodes from tools/opcount.py")
        cg_dir = os.path.join(BUILD, "callgrind")
        os.makedirs(cg_dir, exist_ok=True)
        empty = os.path.join(BUILD, "small", "_empty.pyc")
        base = {}
        for label, cmd in self.commands(empty).items():
            ir, _ = callgrind_ir(cmd, os.path.join(cg_dir, "_empty.%s.out" % label),
                                 self.timeout * 20)
            base[label] = ir
        self.callgrind["_empty"] = base
        for name in self.names:
            pyc, small_pyc, small_py = programs[name]
            if not small_pyc:
                self.callgrind[name] = {"note": "no `N = ...  # small: ...` line"}
                continue
            opcodes, want = count_opcodes(self.python, small_py, self.timeout * 20)
            row = {"opcodes": opcodes}
            for label, cmd in self.commands(small_pyc).items():
                ir, out = callgrind_ir(cmd, os.path.join(cg_dir, "%s.%s.out" % (name, label)),
                                       self.timeout * 20)
                if ir is None:
                    row[label] = {"status": "UNSUPPORTED" if self.unsupported(name, label)
                                  else "failed: %s" % out}
                elif out != want:
                    row[label] = {"status": "MISMATCH (small size)"}
                    self.failed = True
                else:
                    row[label] = {"ir": ir}
                    ops = self.stats_count(label, small_pyc) or opcodes
                    if ops != opcodes:
                        row[label]["pvm_stats"] = ops
                    if ops and base.get(label) is not None:
                        row[label]["ir_per_op"] = (ir - base[label]) / ops
            self.callgrind[name] = row
            print("  %-14s %s" % (name, "  ".join(
                "%s=%s" % (l, fmt_count(row[l].get("ir"))) for l in self.all_labels())))

    def stats_count(self, label, pyc):
        """pvm's own count of executed bytecodes, when the variant understands
        --stats and prints "bytecodes executed: N" on stderr; else None (and
        python3.11's tracing count is used)."""
        for v in self.variants:
            if v.label == label:
                status, _, err = run_captured(v.argv[:1] + ["--stats"] + v.argv[1:] + [pyc],
                                              self.timeout)
                m = STATS_RE.search(err) if status == 0 else None
                return int(m.group(1)) if m else None
        return None

    def unsupported(self, name, label):
        return self.results.get(name, {}).get(label, {}).get("status") == "UNSUPPORTED"

    def run(self):
        programs = compile_programs(self.python, self.names)
        self.print_header()
        for name in self.names:
            self.results[name] = self.measure(name, programs[name][0])
            self.print_row(name)
        self.measure_startup(os.path.join(BUILD, "small", "_empty.pyc"))
        self.print_row(None)
        self.print_geomean()
        self.measure_perf(programs)
        self.measure_callgrind(programs)

    # -- console ---------------------------------------------------------------

    def print_header(self):
        print("python: %s (%s); runs: %d, interleaved; median wall-clock seconds, "
              "ratio = variant / %s" % (self.python, python_version(self.python), self.runs, REF))
        for v in self.variants:
            print("%s: %s" % (v.label, " ".join(v.argv)))
        cols = ["%10s" % REF] + ["%10s %6s" % (v.label[:10], "ratio") for v in self.variants]
        print("%-14s %s" % ("benchmark", "  ".join(cols)))

    def print_row(self, name):
        if name is None:
            cells = ["%10s" % fmt_time(self.startup.get(REF))]
            for v in self.variants:
                cells.append("%10s %6s" % (fmt_time(self.startup.get(v.label)), ""))
            print("%-14s %s" % ("(start-up)", "  ".join(cells)))
            return
        row = self.results[name]
        py = row[REF]
        cells = ["%10s" % (fmt_time(py.get("median")) if "median" in py else "-")]
        notes = []
        for v in self.variants:
            c = row.get(v.label, {})
            if "median" in c:
                cells.append("%10s %6s" % (fmt_time(c["median"]), "%.2f" % c["ratio"]))
            else:
                cells.append("%17s" % c.get("status", "-"))
                if c.get("note"):
                    notes.append("    %s: %s: %s" % (v.label, c["status"], c["note"]))
        if py["status"] == "ERROR":
            notes.append("    " + py["note"])
        print("%-14s %s" % (name, "  ".join(cells)))
        for n in notes:
            print(n)
        sys.stdout.flush()

    def print_geomean(self):
        for v in self.variants:
            g, n = self.geomean(v.label)
            if g:
                print("geometric mean of %s ratios over %d programs: %.2f" % (v.label, n, g))

    def geomean(self, label):
        """Geometric mean of a variant's ratios over the programs that every
        variant ran (ignoring variants that ran none), so that the variants are
        compared on the same set.  Returns (mean or None, number of programs)."""
        def timed(n, l):
            return "ratio" in self.results[n].get(l, {})
        live = [v.label for v in self.variants if any(timed(n, v.label) for n in self.names)]
        if label not in live:
            return None, 0
        common = [n for n in self.names if all(timed(n, l) for l in live)]
        return geomean([self.results[n][label]["ratio"] for n in common]), len(common)


# ---- formatting --------------------------------------------------------------

def fmt_time(t):
    return "-" if t is None else "%.3f" % t


def fmt_count(n):
    if n is None:
        return "-"
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= size:
            return "%.2f%s" % (n / size, unit)
    return str(n)


def python_version(python):
    return subprocess.run([python, "-VV"], capture_output=True, text=True).stdout.strip()


def command_output(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine_info(bench):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info = [("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
            ("CPU", cpu),
            ("cores", "%d online (%s)" % (os.cpu_count() or 0, platform.machine())),
            ("kernel", platform.release()),
            ("python", python_version(bench.python))]
    for v in bench.variants:
        comment = command_output(["readelf", "-p", ".comment", v.argv[0]])
        compilers = sorted(set(re.findall(r"\]\s+(.*)", comment)))
        info.append(("compiler of %s" % v.label, "; ".join(compilers) or "unknown"))
    commit = command_output(["git", "-C", ROOT, "describe", "--always", "--dirty"])
    info.append(("pvm source", "git %s" % commit if commit else "unknown"))
    info.append(("runs", "%d per program and interpreter, interleaved" % bench.runs))
    return info


# ---- the report --------------------------------------------------------------

def write_report(bench, out_dir, load_before, load_after, chart_note):
    labels = [v.label for v in bench.variants]
    L = ["# Benchmark results", "",
         "Written by `bench/run.sh` (see bench/README.md for the method).  Times are "
         "median wall-clock seconds of the whole process, start-up included; "
         "`±` is half the range of the runs, as a percentage of the median; "
         "ratio = variant time / %s time (below 1: pvm is faster)." % REF, ""]
    L += ["| | |", "|---|---|"]
    for k, val in machine_info(bench):
        L.append("| %s | %s |" % (k, val))
    for v in bench.variants:
        L.append("| variant `%s` | `%s` |" % (v.label, " ".join(v.argv).replace(ROOT + "/", "")))
    L.append("| load average | %s before, %s after |" % (load_before, load_after))
    L += ["", "## Time", "", "![time ratio per benchmark](ratio.svg)", ""] if chart_note == "" else \
         ["", "## Time", "", "(no chart: %s)" % chart_note, ""]
    head = "| benchmark | %s s |" % REF + "".join(" %s s | %s ratio |" % (l, l) for l in labels)
    L += [head, "|---|---:|" + "---:|---:|" * len(labels)]
    for name in bench.names:
        row = bench.results[name]
        py = row[REF]
        cells = [fmt_cell(py)]
        for l in labels:
            c = row.get(l, {})
            cells += [fmt_cell(c), "**%.2f**" % c["ratio"] if "ratio" in c else ""]
        L.append("| %s | %s |" % (name, " | ".join(cells)))
    cells = [fmt_time(bench.startup.get(REF))]
    for l in labels:
        cells += [fmt_time(bench.startup.get(l)), ""]
    L.append("| *(start-up: `pass`)* | %s |" % " | ".join(cells))
    cells = [""]
    n_common = 0
    for l in labels:
        g, n = bench.geomean(l)
        n_common = max(n_common, n)
        cells += ["", "**%.2f**" % g if g else "-"]
    L.append("| *geometric mean (%d programs)* | %s |" % (n_common, " | ".join(cells)))
    if len(labels) > 1:
        L += ["", "Between strategies (ratio of medians, relative to `%s`):" % labels[0], "",
              "| benchmark |" + "".join(" %s/%s |" % (l, labels[0]) for l in labels[1:]),
              "|---|" + "---:|" * (len(labels) - 1)]
        for name in bench.names:
            row = bench.results[name]
            first = row.get(labels[0], {}).get("median")
            cells = []
            for l in labels[1:]:
                m = row.get(l, {}).get("median")
                cells.append("%.3f" % (m / first) if m and first else "-")
            L.append("| %s | %s |" % (name, " | ".join(cells)))
    L += problems_section(bench)
    L += memory_section(bench)
    L += perf_section(bench)
    L += callgrind_section(bench)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "latest.md"), "w") as f:
        f.write("\n".join(L) + "\n")
    raw = {"machine": dict(machine_info(bench)),
           "variants": {v.label: v.argv for v in bench.variants},
           "results": bench.results, "startup": bench.startup,
           "callgrind": bench.callgrind}
    with open(os.path.join(out_dir, "latest.json"), "w") as f:
        json.dump(raw, f, indent=1, sort_keys=True)


def fmt_cell(c):
    if "median" in c:
        return "%.3f ±%.0f%%" % (c["median"], 100 * c["spread"])
    return c.get("status", "-")


def problems_section(bench):
    L = []
    for name in bench.names:
        for label, c in bench.results[name].items():
            if c.get("note"):
                L.append("- `%s` under `%s`: %s — %s" % (name, label, c["status"], c["note"]))
    if not L:
        return ["", "Every variant printed exactly what %s printed, for every program." % REF]
    return ["", "## Not timed", "",
            "A program whose output differs from %s's is reported here and not "
            "timed (UNSUPPORTED: pvm stopped at a feature it does not have yet)." % REF, ""] + L


def memory_section(bench):
    labels = bench.all_labels()
    L = ["", "## CPU time and peak memory", "",
         "CPU = median user+system CPU seconds of the same timed runs, as a ratio to "
         "%s's (less disturbed than wall-clock time by other load on the "
         "machine).  RSS = peak resident set size in MiB, the median of the checking run's "
         "and the timed runs' readings, measured by GNU time (%s), which runs the "
         "program in the timed runs too.  Start-up is included in both." % (REF, GNU_TIME), "",
         "| benchmark | %s CPU s |" % REF + "".join(" %s CPU ratio |" % l for l in labels[1:])
         + "".join(" %s RSS |" % l for l in labels),
         "|---|---:|" + "---:|" * (2 * len(labels) - 1)]
    for name in bench.names:
        row = bench.results[name]
        py = row[REF]
        cells = ["%.3f" % py["cpu_median"] if "cpu_median" in py else "-"]
        cells += ["%.2f" % row[l]["cpu_ratio"] if "cpu_ratio" in row.get(l, {}) else "-"
                  for l in labels[1:]]
        cells += ["%.1f" % (row[l]["rss_kib"] / 1024) if "rss_kib" in row.get(l, {}) else "-"
                  for l in labels]
        L.append("| %s | %s |" % (name, " | ".join(cells)))
    return L


def perf_section(bench):
    L = ["", "## Hardware counters (perf stat)", ""]
    if bench.perf_reason:
        return L + ["Not measured: %s." % bench.perf_reason]
    labels = bench.all_labels()
    L += ["One run per cell at full size.  Instructions in millions; branch misses as a "
          "percentage of branches.", "",
          "| benchmark |" + "".join(" %s instr | %s br-miss |" % (l, l) for l in labels),
          "|---|" + "---:|---:|" * len(labels)]
    for name in bench.names:
        cells = []
        for l in labels:
            p = bench.results[name].get(l, {}).get("perf")
            if p and "instructions" in p:
                cells += ["%.0f" % (p["instructions"] / 1e6),
                          "%.2f%%" % (100.0 * p["branch-misses"] / max(p["branches"], 1))]
            else:
                cells += ["-", "-"]
        L.append("| %s | %s |" % (name, " | ".join(cells)))
    return L


def callgrind_section(bench):
    L = ["", "## Instruction counts (callgrind)", ""]
    if bench.callgrind_note:
        return L + [bench.callgrind_note + "."]
    labels = bench.all_labels()
    base = bench.callgrind.get("_empty", {})
    L += ["Each program at its small size (`# small:` value of N) under "
          "`valgrind --tool=callgrind`; Ir = native instructions executed, start-up "
          "included.  Bytecodes = instructions the program executes, counted by "
          "python3.11 tracing (`tools/opcount.py`).  Ir/op = (Ir − Ir of an empty "
          "program) / bytecodes: the native cost of one bytecode instruction, "
          "start-up excluded.", "",
          "Empty program: " + ", ".join("%s %s Ir" % (l, fmt_count(base.get(l))) for l in labels),
          "",
          "A variant whose `pvm --stats` prints `bytecodes executed: N` is divided by "
          "its own count instead (marked *).", "",
          "| benchmark | bytecodes |" + "".join(" %s Ir | %s Ir/op |" % (l, l) for l in labels),
          "|---|---:|" + "---:|---:|" * len(labels)]
    for name in bench.names:
        row = bench.callgrind.get(name, {})
        cells = [fmt_count(row.get("opcodes"))]
        for l in labels:
            c = row.get(l, {})
            if "ir" in c:
                cells += [fmt_count(c["ir"]),
                          ("%.1f" % c["ir_per_op"] + ("*" if "pvm_stats" in c else ""))
                          if "ir_per_op" in c else "-"]
            else:
                cells += [c.get("status", row.get("note", "-")), ""]
        L.append("| %s | %s |" % (name, " | ".join(cells)))
    return L


def write_chart(bench, out_dir):
    """ratio.svg: one group of bars per benchmark, one bar per variant.
    Returns "" or the reason there is no chart."""
    if os.environ.get("BENCH_CHART", "1") == "0":
        return "switched off (BENCH_CHART=0)"
    if not shutil.which("gnuplot"):
        return "gnuplot is not installed (Debian: gnuplot-nox)"
    labels = [v.label for v in bench.variants]
    names = [n for n in bench.names
             if any("ratio" in bench.results[n].get(l, {}) for l in labels)]
    if not names:
        return "no program was timed"
    dat = os.path.join(BUILD, "ratio.dat")
    with open(dat, "w") as f:
        f.write("# benchmark " + " ".join(labels) + "\n")
        for n in names:
            f.write(n + " " + " ".join(
                "%.4f" % bench.results[n][l]["ratio"] if "ratio" in bench.results[n].get(l, {})
                else "?" for l in labels) + "\n")
        means = [bench.geomean(l)[0] for l in labels]
        if all(means):
            names = names + ["geomean"]
            f.write("geomean " + " ".join("%.4f" % g for g in means) + "\n")
    svg = os.path.join(out_dir, "ratio.svg")
    width = max(640, 60 + len(names) * (18 * len(labels) + 16))
    plot = ", ".join("'%s' using %d:xtic(1) title '%s'" % (dat, i + 2, l) if i == 0 else
                     "'' using %d title '%s'" % (i + 2, l) for i, l in enumerate(labels))
    script = "\n".join([
        "set terminal svg size %d,420 font 'sans,11' background rgb 'white'" % width,
        "set output '%s'" % svg,
        "set title 'pvm time / %s time, median of %d runs (below 1: pvm is faster)'"
        % (REF, bench.runs),
        "set datafile missing '?'",
        "set style data histograms",
        "set style histogram clustered gap 1",
        "set style fill solid 0.85 border -1",
        "set boxwidth 0.9",
        "set xtics rotate by 40 right scale 0 noenhanced",
        "set xrange [-0.6:%f]" % (len(names) - 0.4),
        "set bmargin 7",
        "set key outside top center horizontal noenhanced",
        "set grid ytics",
        "set yrange [0:*]",
        "set ylabel 'ratio to %s'" % REF,
        "set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 1.5 lc rgb 'black' front",
        "plot " + plot, ""])
    with open(os.path.join(BUILD, "ratio.gp"), "w") as f:     # to re-render by hand
        f.write(script)
    p = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if p.returncode != 0:
        return "gnuplot failed: %s" % p.stderr.strip()[-200:]
    return ""


def load_average():
    try:
        return "%.2f" % os.getloadavg()[0]
    except OSError:
        return "?"


def main(argv):
    python = os.environ.get("PYTHON", REF)
    if not shutil.which(python):
        print("bench: %s not found: %s is required" % (python, REF), file=sys.stderr)
        return 2
    variants, filters = parse_args(argv[1:])
    bench = Bench(python, variants, find_programs(filters))
    if bench.runs < 1:
        sys.exit("bench: BENCH_RUNS must be at least 1")
    if bench.runs < 5:
        print("bench: note: BENCH_RUNS=%d; medians of fewer than 5 runs are not "
              "worth publishing" % bench.runs)
    # python3.11 randomises str hashes per process; a fixed seed makes its runs
    # (and its callgrind counts) repeatable.  pvm ignores the variable.
    os.environ["PYTHONHASHSEED"] = "0"
    load_before = load_average()
    bench.run()
    out_dir = os.environ.get("BENCH_OUT") or os.path.join(
        HERE, "results", *([] if PYVER == "3.11" else [PYVER]))
    os.makedirs(out_dir, exist_ok=True)
    chart_note = write_chart(bench, out_dir)
    write_report(bench, out_dir, load_before, load_average(), chart_note)
    shown = os.path.relpath(out_dir) if out_dir.startswith(ROOT) else out_dir
    print("wrote %s/latest.md%s" % (shown,
          "" if chart_note else " and ratio.svg"))
    if chart_note:
        print("chart: skipped: " + chart_note)
    return 1 if bench.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
