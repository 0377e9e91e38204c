"""check_trace.py — pvm trace against python3.11 (run by tests/run_trace.sh).

    python3.11 tests/trace/check_trace.py PVM

For every tests/trace/*.py program (oracle.py and this file excepted):

  order     the (function, offset, opname) sequence of `pvm trace` equals the
            instructions python3.11 executes (oracle.py: sys.settrace with
            f_trace_opcodes), after dropping what CPython does not report;
  output    with the trace on stderr, the program's stdout is python3.11's;
  function  --function NAME keeps exactly NAME's lines, in the same order;
  steps     --steps 5 prints 5 lines and the stop notice, and the program
            still runs to the end; stopped halfway, it runs on correctly
            over the code the tracing loop specialized;
  lines     --lines A-B keeps only lines A..B.

Prints a FAIL line per failed check, then "trace: N passed, M failed".
"""
import dis
import os
import py_compile
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}{': ' + detail if detail else ''}")


def first_resume(path):
    """qualname -> offset of the first RESUME in that code object."""
    with open(path) as f:
        top = compile(f.read(), path, "exec")
    out, todo = {}, [top]
    while todo:
        code = todo.pop()
        for ins in dis.get_instructions(code):
            if ins.opname == "RESUME":
                out.setdefault(code.co_qualname, ins.offset)
                break
        todo.extend(c for c in code.co_consts if hasattr(c, "co_code"))
    return out


def parse_trace(text):
    """[(qualname, line, offset, opname)] from pvm's trace lines."""
    rows = []
    for line in text.splitlines()[1:]:
        if line.startswith("(trace stopped"):
            continue
        fields = line.split(None, 4)
        rows.append((fields[0], int(fields[1]) if fields[1] != "-" else -1,
                     int(fields[2]), fields[3]))
    return rows


def as_oracle(rows, resumes):
    """Drop what CPython's opcode events leave out."""
    out = []
    for i, (qualname, _, offset, opname) in enumerate(rows):
        if opname == "RESUME" or offset < resumes.get(qualname, 0):
            continue
        if i > 0 and rows[i - 1][3] == "EXTENDED_ARG" and rows[i - 1][2] == offset - 2 \
                and rows[i - 1][0] == qualname:
            continue
        out.append((qualname, offset, opname))
    return out


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"step {i}: pvm {x} python {y}"
    return f"pvm ran {len(a)} steps, python {len(b)}"


def check_program(pvm, py, tmp):
    name = os.path.basename(py)[:-3]
    pyc = os.path.join(tmp, name + ".pyc")
    py_compile.compile(py, cfile=pyc, doraise=True)
    expected_out = run([PYTHON, py]).stdout
    oracle = [tuple(l.split()[:1]) + (int(l.split()[1]), l.split()[2])
              for l in run([PYTHON, os.path.join(HERE, "oracle.py"), py]).stdout.splitlines()]
    resumes = first_resume(py)

    r = run([pvm, "trace", pyc])
    rows = parse_trace(r.stderr)
    mine = as_oracle(rows, resumes)
    check(f"{name} order", mine == oracle, "" if mine == oracle else first_difference(mine, oracle))
    check(f"{name} output", r.stdout == expected_out and r.returncode == 0,
          f"status {r.returncode}")

    funcs = sorted({q for q, _, _ in oracle if q != "<module>"})
    if funcs:
        f = funcs[0]
        r = run([pvm, "trace", "--function", f, pyc])
        got = as_oracle(parse_trace(r.stderr), resumes)
        want = [x for x in oracle if x[0] == f]
        check(f"{name} --function {f}", got == want and r.stdout == expected_out,
              first_difference(got, want))

    r = run([pvm, "trace", "--steps", "5", pyc])
    lines = r.stderr.splitlines()
    check(f"{name} --steps 5", len(lines) == 7 and lines[-1].startswith("(trace stopped after 5")
          and r.stdout == expected_out, f"{len(lines)} lines")

    # Stopped halfway, the program runs on in the ordinary loop, over code
    # the tracing loop specialized (and translated only now, by threaded).
    half = max(len(rows) // 2, 1)
    r = run([pvm, "trace", "--steps", str(half), "-o", os.devnull, pyc])
    check(f"{name} --steps {half}", r.stdout == expected_out and r.returncode == 0,
          f"status {r.returncode}: {r.stderr[-200:]}")

    lines_seen = [row[1] for row in rows if row[1] > 0]
    a = min(lines_seen) + 1
    b = a + 2
    r = run([pvm, "trace", "--lines", f"{a}-{b}", pyc])
    got = parse_trace(r.stderr)
    want = [row for row in rows if a <= row[1] <= b]
    check(f"{name} --lines {a}-{b}", got == want and len(got) > 0, f"{len(got)} vs {len(want)}")


def main():
    pvm = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for entry in sorted(os.listdir(HERE)):
            if entry.endswith(".py") and entry not in ("oracle.py", "check_trace.py"):
                check_program(pvm, os.path.join(HERE, entry), tmp)
    print(f"trace: {passed} passed, {failed} failed")
    return 1 if failed else 0


sys.exit(main())
