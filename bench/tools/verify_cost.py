#!/usr/bin/env python3
"""verify_cost.py — what the bytecode verifier (vm/verify.c) costs, in
instructions (callgrind Ir).

    python3.11 bench/tools/verify_cost.py PVM [BASE_PVM ...]

Three runs per pvm, each under `valgrind --tool=callgrind` with
PYTHONHASHSEED=0 and GC_DONT_GC=1 (the collector's timing does not move
the figures):

  typing      `pvm verify` of python3.11's typing.pyc (158 KB)
  _pydecimal  `pvm verify` of _pydecimal.pyc (244 KB, 37 000 code units)
  import4     `pvm import4.pyc`, bench/stdlib_import's program: `import
              typing, dataclasses, enum, argparse`, every module verified
              as it is loaded

For each: the whole run's Ir, the inclusive Ir of vm_verify_code (the
verifier's static functions are its callees or inlined into it), and its
share of the run.  docs/reliability.md quotes these figures.
"""
import os
import py_compile
import subprocess
import sys
import sysconfig
import tempfile

IMPORT4 = "import typing, dataclasses, enum, argparse\nprint(len(typing.__all__) > 0)\n"


def pyc_of(module):
    stdlib = sysconfig.get_path("stdlib")
    tag = sys.implementation.cache_tag
    return os.path.join(stdlib, "__pycache__", "%s.%s.pyc" % (module, tag))


def measure(argv, tmp):
    """(total Ir, vm_verify_code's inclusive Ir) of one run."""
    out = os.path.join(tmp, "callgrind.out")
    env = dict(os.environ, PYTHONHASHSEED="0", GC_DONT_GC="1")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                             "--show-percs=no", out],
                            check=True, capture_output=True, text=True).stdout
    total = verify = 0
    for line in report.splitlines():
        words = line.split()
        if words[1:3] == ["PROGRAM", "TOTALS"]:
            total = int(words[0].replace(",", ""))
        elif len(words) >= 2 and words[1].endswith("vm/verify.c:vm_verify_code"):
            verify = int(words[0].replace(",", ""))
    return total, verify


def main(argv):
    if len(argv) < 2:
        print("usage: verify_cost.py PVM [BASE_PVM ...]", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pvm_verify_cost_") as tmp:
        src = os.path.join(tmp, "import4.py")
        with open(src, "w") as f:
            f.write(IMPORT4)
        import4 = os.path.join(tmp, "import4.pyc")
        py_compile.compile(src, cfile=import4, doraise=True)
        runs = [("typing", ["verify", pyc_of("typing")]),
                ("_pydecimal", ["verify", pyc_of("_pydecimal")]),
                ("import4", [import4])]
        print("%-30s %-11s %12s %12s %7s" % ("pvm", "run", "total Ir", "verify Ir", "share"))
        for pvm in argv[1:]:
            for name, args in runs:
                total, verify = measure([os.path.abspath(pvm)] + args, tmp)
                print("%-30s %-11s %12.2fM %11.2fM %6.1f%%" % (
                    pvm[-30:], name, total / 1e6, verify / 1e6, 100.0 * verify / total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
