"""check_hostile_nulls.py -- a NULL on the stack where nothing may take one,
in 3.12, 3.13 and 3.14 code (3.11's cases are in check_hostile.py).

Usage (normally through tests/check.sh):
    python3 tests/hostile/check_hostile_nulls.py PVM PYTHON [PYTHON...]

A call's NULL (PUSH_NULL; LOAD_GLOBAL, LOAD_ATTR or LOAD_SUPER_ATTR with
the oparg's low bit; 3.14's LOAD_SPECIAL) may only be taken by the call,
and LOAD_FAST_AND_CLEAR's unbound local only by STORE_FAST; SWAP and COPY
move either one anywhere.  The verifier (vm/verify.c, pass 3) must refuse
the file when one can reach another instruction: python itself crashes
there.  Each case is built by each PYTHON given (3.12 to 3.14, numbered by
its own opcode module) as check_hostile314.py builds its cases, into
build/hostile-nulls-3.1x/, and must be refused with exit status 1, nothing
on stdout and one line on stderr containing the rule.  Prints a line per
version, then `hostile-nulls: N passed, M failed` over all of them.
"""
import os
import subprocess
import sys

from check_hostile314 import ROOT, run_cases

CALL_NULL = "from the top may be a call's NULL"
UNBOUND = "from the top may be an unbound local"

# name: (instructions, the rule, the first version it applies to).  The
# module's constants are ('a', None), its one local 'v'.
CASES = {
    "null_into_binary_op": (["RESUME", "PUSH_NULL", ("LOAD_CONST", 0), ("BINARY_OP", 0),
                             "RETURN_VALUE"], "stack item 2 " + CALL_NULL, 12),
    "null_swapped_into_compare": (["RESUME", "PUSH_NULL", ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                   ("SWAP", 3), ("COMPARE_OP", 0), "RETURN_VALUE"],
                                  "stack item 1 " + CALL_NULL, 12),
    "null_copied_into_store_fast": (["RESUME", "PUSH_NULL", ("COPY", 1), ("STORE_FAST", 0),
                                     "RETURN_VALUE"], "stack item 1 " + CALL_NULL, 12),
    "null_returned": (["RESUME", "PUSH_NULL", "RETURN_VALUE"], "stack item 1 " + CALL_NULL, 12),
    "null_on_one_path": (["RESUME", ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                          ("POP_JUMP_IF_TRUE", 2), "POP_TOP", "PUSH_NULL", "RETURN_VALUE"],
                         "stack item 1 " + CALL_NULL, 12),
    "unbound_local_into_binary_op": (["RESUME", ("LOAD_FAST_AND_CLEAR", 0), ("LOAD_CONST", 0),
                                      ("BINARY_OP", 0), "RETURN_VALUE"],
                                     "stack item 2 " + UNBOUND, 12),
    # 3.13 and 3.14 find a call's NULL above the callable, not below it.
    "null_below_callable_313": (["RESUME", "PUSH_NULL", ("LOAD_CONST", 0), ("CALL", 0),
                                 "RETURN_VALUE"], "stack item 2 " + CALL_NULL, 13),
}


def main(argv):
    pvm, passed, failed = argv[0], 0, 0
    for python in argv[1:]:
        run = subprocess.run([python, "-c", "import sys; print(sys.version_info[1])"],
                             capture_output=True, text=True)
        minor = int(run.stdout.strip() or 0)
        cases = {name: (instrs, rule) for name, (instrs, rule, first) in CASES.items()
                 if minor >= first}
        build = os.path.join(ROOT, "build", "hostile-nulls-3.%d" % minor)
        done = run_cases(pvm, python, cases, build, "  3.%d" % minor)
        passed, failed = passed + done[0], failed + done[1]
    print("hostile-nulls: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
