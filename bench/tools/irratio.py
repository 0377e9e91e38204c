#!/usr/bin/env python3
"""irratio.py — instructions executed by pvm against python3.11, per program.

    bench/tools/irratio.py [--python P] [--save F.json] [--before F.json] PVM [NAME ...]

Runs every bench program (or those whose name contains a NAME) at its small
size (the `N = FULL  # small: SMALL` line, as bench.py's callgrind section)
under `valgrind --tool=callgrind`, once with python3.11 and once with PVM,
and prints the instruction counts (Ir), the ratio pvm/python3.11 per program
and their geometric mean.  Callgrind counts are deterministic, so one run
each is enough and a change's effect shows even on a loaded machine.

--save writes the counts (and a digest of python3.11's output) as JSON;
--before reads such a file (an earlier pvm) and adds its ratio as a
column, with the geometric means of both.  python3.11's counts are taken
from --before when it has them, so a before/after comparison runs
python3.11 once; pvm's output is still checked against the digest.
"""
import argparse
import hashlib
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import HERE, BUILD, compile_programs, callgrind_ir   # noqa: E402


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def program_names(filters):
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    return names


def measure(argv, name, label):
    out = os.path.join(BUILD, "callgrind", "%s.%s.irratio.out" % (name, label))
    ir, stdout = callgrind_ir(argv, out, 3600)
    return ir, stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("--save")
    ap.add_argument("--before")
    ap.add_argument("pvm")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    os.makedirs(os.path.join(BUILD, "callgrind"), exist_ok=True)
    before = {}
    if args.before:
        with open(args.before) as f:
            before = json.load(f)
    programs = compile_programs(args.python, program_names(args.names))
    counts = {}
    print("%-14s %14s %14s %7s%s" % ("program", "python3.11 Ir", "pvm Ir", "ratio",
                                      "  before" if before else ""))
    for name, (_, small_pyc, _) in programs.items():
        if small_pyc is None:
            continue
        py_ir = before.get(name, {}).get("python")
        want = before.get(name, {}).get("output_md5")
        if py_ir is None:
            py_ir, out = measure([args.python, small_pyc], name, "python")
            want = hashlib.md5(out or b"").hexdigest()
        pvm_ir, got = measure([args.pvm, small_pyc], name, "pvm")
        if want is not None and hashlib.md5(got or b"").hexdigest() != want:
            print("%-14s output differs from python3.11's" % name)
            continue
        if py_ir is None or pvm_ir is None:
            print("%-14s failed" % name)
            continue
        counts[name] = {"python": py_ir, "pvm": pvm_ir, "output_md5": want}
        old = before.get(name, {}).get("pvm")
        print("%-14s %14d %14d %7.3f%s" % (name, py_ir, pvm_ir, pvm_ir / py_ir,
                                           "  %7.3f" % (old / py_ir) if old else ""), flush=True)
    ratios = [c["pvm"] / c["python"] for c in counts.values()]
    line = "geomean (%d programs)%s %7.3f" % (len(ratios), " " * 25, geomean(ratios))
    olds = [before[n]["pvm"] / c["python"] for n, c in counts.items() if n in before]
    if len(olds) == len(ratios):
        line += "  %7.3f" % geomean(olds)
    print(line)
    if args.save:
        with open(args.save, "w") as f:
            json.dump(counts, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
