"""oracle.py — the instructions python3.11 executes, for comparison with pvm trace.

    python3.11 tests/trace/oracle.py PROGRAM.py     prints one line per instruction:
                                                     QUALNAME OFFSET OPNAME

sys.settrace with frame.f_trace_opcodes = True reports an 'opcode' event
before every instruction CPython executes, in every traced frame, with
frame.f_lasti the instruction's byte offset.  CPython reports no event for
RESUME nor for the instructions before a code object's first RESUME
(MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR, POP_TOP), and for an
instruction behind EXTENDED_ARG it reports the EXTENDED_ARG only;
check_trace.py drops those from pvm's trace before comparing.
"""
import dis
import sys

events = []


def local_trace(frame, event, arg):
    if event == "opcode":
        code = frame.f_code
        events.append((code.co_qualname, frame.f_lasti, dis.opname[code.co_code[frame.f_lasti]]))
    return local_trace


def global_trace(frame, event, arg):
    frame.f_trace_opcodes = True
    return local_trace


def main():
    path = sys.argv[1]
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    glob = {"__name__": "__main__", "__builtins__": __builtins__}
    real_stdout = sys.stdout
    sys.stdout = open("/dev/null", "w")
    sys.settrace(global_trace)
    try:
        exec(code, glob)
    finally:
        sys.settrace(None)
        sys.stdout = real_stdout
    for qualname, offset, opname in events:
        print(qualname, offset, opname)


main()
