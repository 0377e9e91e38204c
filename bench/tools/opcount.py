"""opcount.py — count the bytecode instructions a program executes, using
python3.11's own tracing.

Usage: python3.11 bench/tools/opcount.py PROGRAM.py [OUTFILE]

Runs PROGRAM.py (its stdout goes to our stdout, so the caller can check it) with
a trace function installed by sys.settrace.  For every frame that starts (the
'call' event, which also fires each time a generator resumes), the trace function
sets frame.f_trace_opcodes = True, and the interpreter then reports an 'opcode'
event before each instruction it executes in that frame.  The count of 'opcode'
events is the number of executed bytecode instructions, written to OUTFILE (or
to stderr as "opcodes: N").

Why this is the right number for pvm: pvm executes the very .pyc that
python3.11 compiles, instruction by instruction, so both interpreters execute the
same instruction stream (CPython's specialised forms replace an instruction in
place and count once; tracing turns specialisation off, which does not change
the count).  Details of the method:
  - Instructions of every Python frame are counted, including functions called
    back from C (sorted's key=, map's function) and generator bodies.
  - EXTENDED_ARG counts as one instruction together with the instruction it
    extends (3.11 goes from EXTENDED_ARG straight to the next body without a
    trace event).  Programs in bench/ rarely need EXTENDED_ARG.
  - Nothing of python3.11's own start-up is counted: the program is compiled
    here and run by exec() with tracing on only around it.
This is an estimate until `pvm --stats` reports pvm's own count.
"""
import sys


def count_opcodes(path):
    with open(path) as f:
        source = f.read()
    code = compile(source, path, "exec")
    count = 0

    def local_trace(frame, event, arg):
        nonlocal count
        if event == "opcode":
            count += 1
        return local_trace

    def global_trace(frame, event, arg):
        frame.f_trace_opcodes = True
        return local_trace

    namespace = {"__name__": "__main__", "__file__": path}
    sys.settrace(global_trace)
    try:
        exec(code, namespace)
    finally:
        sys.settrace(None)
    return count


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: opcount.py PROGRAM.py [OUTFILE]", file=sys.stderr)
        return 2
    n = count_opcodes(argv[1])
    sys.stdout.flush()
    if len(argv) == 3:
        with open(argv[2], "w") as f:
            f.write("%d\n" % n)
    else:
        print("opcodes: %d" % n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
