"""check_hostile314.py -- hand-crafted hostile 3.14 .pyc files, which pvm's
loader or bytecode verifier must refuse (the 3.14 side of check_hostile.py).

Usage (normally through tests/check.sh when PYTHON314 is set):
    python3 tests/hostile/check_hostile314.py PVM PYTHON314

Each case is a module code object that python3.14 compiles and then gets
new code units through code.replace (numbered by python3.14's own opcode
module: nothing is numbered here), marshalled by python3.14 into
build/hostile-3.14/<name>.pyc.  pvm must exit with status 1, print nothing
on stdout and exactly one line on stderr, containing the rule given.
Prints one FAIL line per case that does not behave, then
`hostile314: N passed, M failed`.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "hostile-3.14")

# name: (instructions, the rule pvm's message must contain).  An
# instruction is a name or (name, oparg), followed by its cache units; an
# int is a raw opcode byte without caches (a number no .pyc holds; put into
# the marshalled bytes, as marshal would turn a specialized or instrumented
# instruction back into its base).  The module's constants are ('a', None),
# its names ('x', 'y'), its one local 'v', its stack size 8.  (LOAD_SMALL_INT past 255, which
# 3.14's compiler never writes, is no case: pvm pushes that int.)
CASES = {
    "const_out_of_range": (["RESUME", ("LOAD_CONST", 200), "RETURN_VALUE"],
                           "constant index 200 out of range"),
    "name_out_of_range": (["RESUME", ("LOAD_NAME", 9), "RETURN_VALUE"],
                          "name index 9 out of range"),
    "local_out_of_range": (["RESUME", ("LOAD_FAST_BORROW", 3), "RETURN_VALUE"],
                           "local index 3 out of range"),
    "local_pair_out_of_range": (["RESUME", ("LOAD_FAST_BORROW_LOAD_FAST_BORROW", 0x12),
                                 "POP_TOP", "RETURN_VALUE"],
                                "out of range"),
    "specialized_opcode": (["RESUME", ("LOAD_CONST", 0), ("LOAD_CONST", 0), 130,
                            "RETURN_VALUE"],
                           "not a Python 3.14 opcode"),
    "instrumented_opcode": (["RESUME", ("LOAD_CONST", 0), 240, "RETURN_VALUE"],
                            "not a Python 3.14 opcode"),
    "common_constant_out_of_range": (["RESUME", ("LOAD_COMMON_CONSTANT", 5),
                                      "RETURN_VALUE"],
                                     "not a Python 3.14 opcode"),
    "special_method_out_of_range": (["RESUME", ("LOAD_CONST", 0), ("LOAD_SPECIAL", 4),
                                     "POP_TOP", "RETURN_VALUE"],
                                    "not a Python 3.14 opcode"),
    "binary_op_out_of_range": (["RESUME", ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                ("BINARY_OP", 27), "RETURN_VALUE"],
                               "out of range"),
    "jump_past_end": (["RESUME", ("JUMP_FORWARD", 200), ("LOAD_CONST", 1), "RETURN_VALUE"],
                      "jump"),
    "stack_underflow": (["RESUME", "POP_TOP", ("LOAD_CONST", 1), "RETURN_VALUE"],
                        "stack underflow"),
    "prefix_without_argument": (["RESUME", ("EXTENDED_ARG", 1), "NOT_TAKEN",
                                 ("LOAD_CONST", 1), "RETURN_VALUE"],
                                "not a Python 3.14 opcode"),
    "falls_off_the_end": (["RESUME", ("LOAD_CONST", 1)], "end of the code"),
}

# Run by python3.14 (or 3.12, 3.13: check_hostile_nulls.py): argv[1] the output directory, argv[2] the cases as
# JSON ({name: instructions}).
GENERATE = r'''
import importlib.util, json, marshal, opcode, os, sys
out, cases = sys.argv[1], json.loads(sys.argv[2])
base = compile("x = 'a'; y = x", "hostile.py", "exec")
for name, instrs in cases.items():
    units, raw = bytearray(), []
    for ins in instrs:
        if isinstance(ins, int):
            marker = bytes([opcode.opmap["NOP"], 0xE0 + len(raw)])
            units += marker
            raw.append((marker, bytes([ins, 0])))
            continue
        op, arg = (ins, 0) if isinstance(ins, str) else ins
        units += bytes([opcode.opmap[op], arg])
        caches = opcode._inline_cache_entries    # by name; 3.12: a list by number
        units += b"\0\0" * (caches.get(op, 0) if isinstance(caches, dict)
                             else caches[opcode.opmap[op]])
    code = base.replace(co_code=bytes(units), co_consts=("a", None), co_names=("x", "y"),
                        co_varnames=("v",), co_nlocals=1, co_stacksize=8,
                        co_linetable=b"", co_exceptiontable=b"")
    blob = marshal.dumps(code)
    for marker, unit in raw:
        assert blob.count(marker) == 1, name
        blob = blob.replace(marker, unit)
    with open(os.path.join(out, name + ".pyc"), "wb") as f:
        f.write(importlib.util.MAGIC_NUMBER + bytes(12) + blob)
'''


def run_cases(pvm, python, cases, build, label):
    """Build cases ({name: (instructions, rule)}) with python into build/,
    run each under pvm, print a FAIL line for each that does not behave and
    `LABEL: N passed, M failed`; returns (N, M)."""
    os.makedirs(build, exist_ok=True)
    specs = {name: instrs for name, (instrs, _) in cases.items()}
    run = subprocess.run([python, "-c", GENERATE, build, json.dumps(specs)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print("FAIL %s did not build the cases:" % python, run.stderr[-2000:])
        print("%s: 0 passed, 1 failed" % label)
        return 0, 1
    passed = failed = 0
    for name, (_, rule) in cases.items():
        path = os.path.join(build, name + ".pyc")
        try:
            r = subprocess.run([pvm, path], capture_output=True, text=True, timeout=30,
                               errors="replace")
            lines = r.stderr.splitlines()
            ok = r.returncode == 1 and r.stdout == "" and len(lines) == 1 and rule in lines[0]
            why = "status %d, stdout %r, stderr %r" % (r.returncode, r.stdout[:100],
                                                      r.stderr[-300:])
        except subprocess.TimeoutExpired:
            ok, why = False, "timed out"
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL %s (want %r): %s" % (name, rule, why))
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return passed, failed


def main(argv):
    return 1 if run_cases(argv[0], argv[1], CASES, BUILD, "hostile314")[1] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
