#!/usr/bin/env python3
"""run.py — CPython's own test suite as pvm's conformance bar (issue 12).

    tests/conformance/run.py --pvm ./pvm [--python /usr/bin/python3.11]
                             [--modules FILE | MODULE...] [--jobs N]
                             [--timeout SECONDS] [--out DIR]
                             [--check-floor FILE] [--write-floor FILE]

Each test module runs in its own process, under pvm and under python3.11,
through driver.py, which prints one line per test.  A module run is
*abnormal* when the process dies by a signal, outlives the time limit, or
ends without the driver's `end` line (a crash before the summary).

The measure: a test counts for pvm when it passes under both interpreters;
the pass rate is that count over the tests passing under python3.11.  Tests
python3.11 does not pass (skipped, failed) do not count either way; tests in
skips.txt (each with its reason) are left out on both sides.  A module that
cannot run under pvm at all thus counts all its python3.11-passing tests as
failures.

--out writes DIR/latest.md (a table, totals, the pass rate, the first error
of each module below 90%) and DIR/latest.json (the same, plus the ids of the
tests that pass under python3.11 and not under pvm).  --check-floor compares
the number of tests passing under both, per module, with a floor file
(`module count` lines) and fails when one went down; --write-floor records
the current counts.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "driver.py")
KINDS = ("pass", "fail", "error", "skip", "xfail", "xpass")


def read_list(path):
    """The non-comment words of a file, one entry per line."""
    entries = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                entries.append(line)
    return entries


def read_skips(path):
    """skips.txt: `test.id  # reason` — every entry must give its reason."""
    skips = set()
    if not os.path.exists(path):
        return skips
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            ident, _, reason = line.partition("#")
            if not reason.strip():
                sys.exit("%s:%d: a skip needs its reason after '#'" % (path, n))
            skips.add(ident.strip())
    return skips


def run_one(argv, module, timeout):
    """Run the driver for one module; return its outcome as a dict."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    work = tempfile.mkdtemp(prefix="pvm-conf-")
    # A home of its own, removed with the rest: test_site makes the user's
    # site-packages (~/.local/lib/python3.11/site-packages) and never
    # removes it, under python3.11 as under pvm.
    env["HOME"] = os.path.join(work, "home")
    os.mkdir(env["HOME"])
    start = time.monotonic()
    p = subprocess.Popen(argv + [DRIVER, module], cwd=work, env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = p.communicate(timeout=timeout)
        status = p.returncode
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        _, err = p.communicate()
        status = p.returncode
        hung = True
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.monotonic() - start
    tests = {}
    notes, other, ended, run = [], [], False, 0
    for line in err.decode("utf-8", "replace").splitlines():
        if line.startswith("@@CONF "):
            kind, _, rest = line[7:].partition(" ")
            if kind in KINDS:
                tests[rest] = kind
            elif kind == "end":
                ended, run = True, int(rest)
            elif kind == "note":
                notes.append(rest)
        elif line.strip():
            other.append(line)
    if hung:
        state = "hang (killed after %ds)" % timeout
    elif status < 0:
        state = "killed by %s" % signal.Signals(-status).name
    elif not ended:
        state = "no summary (exit %d)" % status
    else:
        state = "ok"
    return {"state": state, "seconds": round(seconds, 1), "run": run,
            "tests": tests, "notes": notes,
            "last_error": other[-1][:300] if other else ""}


def counts(outcome):
    c = {k: 0 for k in KINDS}
    for kind in outcome["tests"].values():
        c[kind] += 1
    c["run"] = outcome["run"]
    return c


def first_cause(outcome):
    """A one-line reason for a poor module: a note, else the last error."""
    if outcome["state"] != "ok":
        return "%s: %s" % (outcome["state"], outcome["last_error"])
    if outcome["notes"]:
        return outcome["notes"][0]
    return outcome["last_error"]


def measure(module, args, skips):
    py = run_one([args.python], module, args.timeout)
    pv = run_one(args.pvm.split(), module, args.timeout)
    py_pass = {t for t, k in py["tests"].items() if k == "pass" and t not in skips}
    pv_pass = {t for t, k in pv["tests"].items() if k == "pass" and t not in skips}
    both = py_pass & pv_pass
    poor = len(both) < 0.9 * len(py_pass) or pv["state"] != "ok"
    # A module whose missing tests raised nothing (skipped under pvm, say)
    # still names one of them.
    cause = (first_cause(pv) or "first not passing under pvm: %s" % min(py_pass - pv_pass, default="-")
             if poor else "")
    return {
        "module": module,
        "python": dict(counts(py), state=py["state"], seconds=py["seconds"]),
        "pvm": dict(counts(pv), state=pv["state"], seconds=pv["seconds"]),
        "python_passing": len(py_pass),
        "both_passing": len(both),
        "cause": cause,
        # The tests to look at: none listed while the module cannot run at
        # all under pvm (then it is all of them, and the cause says why).
        "missing": sorted(py_pass - pv_pass) if both else [],
    }


def percent(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "—"


def write_report(results, args, out):
    os.makedirs(out, exist_ok=True)
    total_py = sum(r["python_passing"] for r in results)
    total_both = sum(r["both_passing"] for r in results)
    abnormal = [r for r in results if r["pvm"]["state"] != "ok"]
    summary = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "pvm": args.pvm, "python": args.python,
        "modules": len(results), "python_passing": total_py, "pvm_passing": total_both,
        "pass_rate": round(total_both / total_py, 4) if total_py else 0.0,
        "abnormal": len(abnormal),
    }
    with open(os.path.join(out, "latest.json"), "w") as f:
        json.dump({"summary": summary, "modules": results}, f, indent=1, sort_keys=True)
    lines = [
        "# Conformance: CPython 3.11's test suite under pvm",
        "",
        "Generated by `make conformance` (tests/conformance/run.py) on %s." % summary["date"],
        "A test counts for pvm when it passes under pvm and under python3.11;",
        "the rate is over the tests passing under python3.11 (see run.py).",
        "",
        "**%d of %d tests: %s.** Modules: %d; ending abnormally under pvm: %d."
        % (total_both, total_py, percent(total_both, total_py), len(results), len(abnormal)),
        "",
        "| module | py pass | py skip | pvm pass | pvm fail | pvm error | pvm skip | rate | pvm end | s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        py, pv = r["python"], r["pvm"]
        lines.append("| %s | %d | %d | %d | %d | %d | %d | %s | %s | %.0f |" % (
            r["module"], r["python_passing"], py["skip"], r["both_passing"], pv["fail"],
            pv["error"], pv["skip"], percent(r["both_passing"], r["python_passing"]),
            pv["state"], pv["seconds"]))
    lines += ["", "## Below 90%, with the first cause", ""]
    for r in results:
        if r["cause"]:
            lines.append("- **%s** (%s): `%s`" % (
                r["module"], percent(r["both_passing"], r["python_passing"]),
                r["cause"].replace("`", "'")))
    with open(os.path.join(out, "latest.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return summary


def check_floor(results, path):
    """Fail (return False) when a module passes fewer tests than its floor."""
    floor = {}
    for entry in open(path):
        entry = entry.split("#", 1)[0].split()
        if len(entry) == 2:
            floor[entry[0]] = int(entry[1])
    good = bad = 0
    for r in results:
        want = floor.get(r["module"])
        if want is None:
            print("FAIL conformance %s: no floor in %s" % (r["module"], path))
            bad += 1
        elif r["both_passing"] < want:
            print("FAIL conformance %s: %d tests pass, the floor is %d; now failing: %s"
                  % (r["module"], r["both_passing"], want, ", ".join(r["missing"][:5])))
            bad += 1
        else:
            good += 1
    print("conformance floor: %d passed, %d failed" % (good, bad))
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pvm", required=True, help="pvm command (may hold options)")
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("--modules", help="file listing the test modules")
    ap.add_argument("names", nargs="*", help="test modules (instead of --modules)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--out")
    ap.add_argument("--check-floor")
    ap.add_argument("--write-floor")
    args = ap.parse_args()
    # The pvm command runs from a scratch directory: make its program absolute.
    words = args.pvm.split()
    if os.sep in words[0]:
        words[0] = os.path.abspath(words[0])
    args.pvm = " ".join(words)
    modules = args.names or read_list(args.modules or os.path.join(HERE, "modules.txt"))
    skips = read_skips(os.path.join(HERE, "skips.txt"))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(measure, m, args, skips) for m in modules]
        results = []
        for fut in futures:
            r = fut.result()
            results.append(r)
            print("%-24s python %4d  pvm %4d  %7s  %s" % (
                r["module"], r["python_passing"], r["both_passing"],
                percent(r["both_passing"], r["python_passing"]), r["pvm"]["state"]),
                flush=True)
    total_py = sum(r["python_passing"] for r in results)
    total_both = sum(r["both_passing"] for r in results)
    print("conformance: %d of %d tests pass (%s), %d modules ended abnormally"
          % (total_both, total_py, percent(total_both, total_py),
             sum(r["pvm"]["state"] != "ok" for r in results)))
    if args.out:
        write_report(results, args, args.out)
    if args.write_floor:
        with open(args.write_floor, "w") as f:
            f.write("# Tests passing under pvm and python3.11, per module: make check\n"
                    "# fails when one goes down (tests/conformance/run.py --check-floor).\n")
            for r in results:
                f.write("%s %d\n" % (r["module"], r["both_passing"]))
    if args.check_floor and not check_floor(results, args.check_floor):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
