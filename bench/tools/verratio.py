#!/usr/bin/env python3
"""verratio.py — pvm's instructions on a program compiled by 3.12 against the
same program compiled by 3.11.

    bench/tools/verratio.py [--python311 P] [--python312 P] [--save F.json]
                            [--before F.json] PVM [NAME ...]

Compiles every bench program (or those whose name contains a NAME) at its
small size (the `N = FULL  # small: SMALL` line) with both interpreters,
runs PVM on each .pyc under `valgrind --tool=callgrind`, and prints the
instruction counts (Ir) and the ratio 3.12/3.11 per program, with their
geometric mean.  A ratio of 1 means 3.12 bytecode runs as fast in pvm as
3.11 bytecode.  The two outputs must agree.  --save writes the counts as
JSON; --before reads such a file (an earlier pvm) and adds its ratio as a
column.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import HERE, BUILD, SMALL_RE, callgrind_ir   # noqa: E402
from irratio import geomean, program_names              # noqa: E402


def default_python312():
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))
    return found[-1] if found else "python3.12"


def compile_small(python, tag, names):
    """{name: small .pyc compiled by python} for the programs with a small size."""
    out_dir = os.path.join(BUILD, "verratio", tag)
    os.makedirs(out_dir, exist_ok=True)
    jobs = {}
    for name in names:
        with open(os.path.join(HERE, name + ".py")) as f:
            text = f.read()
        if not SMALL_RE.search(text):
            continue
        src = os.path.join(out_dir, name + ".py")
        with open(src, "w") as f:
            f.write(SMALL_RE.sub(r"N = \3", text, count=1))
        jobs[name] = (src, os.path.join(out_dir, name + ".pyc"))
    script = ("import py_compile, sys\n"
              "a = sys.argv[1:]\n"
              "for i in range(0, len(a), 2):\n"
              "    py_compile.compile(a[i], a[i + 1], doraise=True)\n")
    subprocess.run([python, "-c", script] + [p for job in jobs.values() for p in job],
                   check=True)
    return {name: pyc for name, (_, pyc) in jobs.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python311", default="/usr/bin/python3.11")
    ap.add_argument("--python312", default=default_python312())
    ap.add_argument("--save")
    ap.add_argument("--before")
    ap.add_argument("pvm")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    before = {}
    if args.before:
        with open(args.before) as f:
            before = json.load(f)
    names = program_names(args.names)
    pycs = {"311": compile_small(args.python311, "311", names),
            "312": compile_small(args.python312, "312", names)}
    print("%-14s %14s %14s %7s%s" % ("program", "3.11 pyc Ir", "3.12 pyc Ir", "ratio",
                                      "  before" if before else ""), flush=True)
    counts = {}
    for name in sorted(pycs["311"]):
        row, outs = {}, {}
        for tag in ("311", "312"):
            cg = os.path.join(BUILD, "verratio", tag, name + ".callgrind.out")
            row[tag], outs[tag] = callgrind_ir([args.pvm, pycs[tag][name]], cg, 3600)
        if row["311"] is None or row["312"] is None:
            print("%-14s failed" % name, flush=True)
            continue
        if outs["311"] != outs["312"]:
            print("%-14s outputs differ" % name, flush=True)
            continue
        counts[name] = row
        old = before.get(name)
        print("%-14s %14d %14d %7.3f%s" % (name, row["311"], row["312"], row["312"] / row["311"],
                                           "  %7.3f" % (old["312"] / old["311"]) if old else ""),
              flush=True)
    ratios = [c["312"] / c["311"] for c in counts.values()]
    line = "geomean (%d programs)%s %7.3f" % (len(ratios), " " * 25, geomean(ratios))
    olds = [before[n]["312"] / before[n]["311"] for n in counts if n in before]
    if olds and len(olds) == len(ratios):
        line += "  %7.3f" % geomean(olds)
    print(line)
    if args.save:
        with open(args.save, "w") as f:
            json.dump(counts, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
