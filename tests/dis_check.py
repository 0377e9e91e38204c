"""dis_check.py — `pvm dis` and `pvm info` against python3.11's dis module.

Usage (normally through tests/run_dis.sh):
    python3.11 tests/dis_check.py PVM [PATH...]

Checks every program of tests/programs/**/*.py and tests/dis/*.py, plus a few
large programs generated into build/dis/gen/ (line numbers >= 1000, offsets
>= 10000, EXTENDED_ARG), plus any PATH given (a .py or .pyc file, or a folder
searched for them; e.g. /usr/lib/python3.11 for the whole standard library).

For each program:
  dis   expected: dis.dis(code) of the code object in the .pyc
        actual:   `PVM dis FILE.pyc`
  info  expected: the header decoded in Python, then dis.code_info(c) of every
                  code object (in dis order) with "Qualified name:" and
                  "First line:" lines added
        actual:   `PVM info FILE.pyc`
Two things differ between processes, so both sides are normalised before
comparing: object addresses (every `0x[0-9a-f]+` becomes `0x?`), and the order
of the elements of frozenset constants, which follows the hash of each element
-- for str a per-process random SipHash in CPython, a fixed hash in pvm -- so
the elements of each `frozenset({...})` are sorted.  Nothing else is normalised.

A .py is compiled with py_compile, reusing build/golden/<path>c when the golden
runner has already compiled it; the tests/dis/ programs are compiled in turn as
timestamp, checked-hash and unchecked-hash .pycs so the header decoding of all
three kinds is checked.  Expected output is computed in this (python3.11)
process: dis is pure Python over the code object, exactly what
`python3.11 -c 'import dis; dis.dis(...)'` would print.

Prints one FAIL line (plus a short diff) per mismatch and then exactly
`dis: N passed, M failed` (one check per program and tool).  Exit status: 0 all
passed, 1 some failed, 2 the suite could not run.
"""
import ast
import concurrent.futures
import datetime
import difflib
import dis
import importlib.util
import io
import marshal
import os
import py_compile
import re
import subprocess
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM_DIRS = [os.path.join(ROOT, "tests", "programs"), os.path.join(ROOT, "tests", "dis")]
GOLDEN_BUILD = os.path.join(ROOT, "build", "golden")
BUILD = os.path.join(ROOT, "build", "dis")
TIMEOUT = 60.0
DIFF_LINES = 12
ADDRESS = re.compile(r"0x[0-9a-f]+")
MODES = [py_compile.PycInvalidationMode.TIMESTAMP,
         py_compile.PycInvalidationMode.CHECKED_HASH,
         py_compile.PycInvalidationMode.UNCHECKED_HASH]


# ---- finding and compiling the programs ----------------------------------------

def walk(top, suffix):
    """Every file under top (or top itself) ending with suffix, sorted."""
    if os.path.isfile(top):
        return [top]
    found = []
    for folder, dirs, files in os.walk(top):
        # py312/, py313/, py314/: newer syntax, which python3.11 cannot compile
        dirs[:] = sorted(d for d in dirs if (d != "__pycache__" or suffix == ".pyc") and
                         not (d in ("py312", "py313", "py314") and os.path.basename(folder) == "programs"))
        found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(suffix)]
    return found


def fresh(target, source):
    return os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source)


def compile_py(source, mode=MODES[0]):
    """The .pyc for a .py: golden's copy if current, else build/dis/<path>c."""
    rel = os.path.relpath(os.path.abspath(source), ROOT)
    if rel.startswith(".."):
        rel = os.path.abspath(source).lstrip("/")
    if rel.startswith("tests/programs/") and mode == MODES[0]:
        golden = os.path.join(GOLDEN_BUILD, os.path.relpath(rel, "tests/programs") + "c")
        if fresh(golden, source):
            return golden
    target = os.path.join(BUILD, rel + "c")
    if os.path.abspath(source).startswith(BUILD + os.sep):
        target = source + "c"               # a generated program: compile in place
    if mode != MODES[0]:
        target = target[:-4] + "." + mode.name.lower() + ".pyc"
    if not fresh(target, source):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        py_compile.compile(os.path.abspath(source), cfile=target, doraise=True,
                           invalidation_mode=mode)
    return target


def generated_programs():
    """Large programs dis formats differently: wide line and offset columns,
    EXTENDED_ARG before names, constants and jumps."""
    gen = os.path.join(BUILD, "gen")
    os.makedirs(gen, exist_ok=True)
    programs = {
        # 1300 lines: line numbers >= 1000; ~13000 bytes of code: offsets >= 10000;
        # 400 distinct names: STORE_NAME needs EXTENDED_ARG.
        "long_module.py": "".join(f"v{i % 400} = v{(i * 7) % 400} + {i}\n"
                                  for i in range(1300)),
        # A jump over a big body (EXTENDED_ARG jumps, forward and backward),
        # and 300 constants in one function.
        "long_jumps.py": "def f(x):\n    while x:\n        if x > 1:\n"
                         + "".join(f"            x = x + {i}.5\n" for i in range(300))
                         + "        x -= 1\n    return x\n",
    }
    paths = []
    for name, text in programs.items():
        path = os.path.join(gen, name)
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
        paths.append(path)
    return paths


def collect(extra):
    """(label, pyc path) pairs for every check."""
    jobs = []
    for d in PROGRAM_DIRS:
        own = d.endswith("dis")
        for i, src in enumerate(walk(d, ".py")):
            modes = MODES if own else MODES[:1]
            for mode in modes:
                label = os.path.relpath(src, ROOT) + ("" if mode == MODES[0] else f" ({mode.name.lower()})")
                jobs.append((label, compile_py(src, mode)))
    for src in generated_programs():
        jobs.append((os.path.relpath(src, ROOT), compile_py(src)))
    for top in extra:
        for src in walk(top, ".py"):
            try:
                jobs.append((src, compile_py(src)))
            except py_compile.PyCompileError:
                pass                        # not valid 3.11 source: nothing to compare
        for pyc in walk(top, ".pyc"):
            if pyc.endswith(".cpython-311.pyc") or pyc.endswith(".cpython-311.opt-1.pyc") \
               or pyc.endswith(".cpython-311.opt-2.pyc") or os.path.isfile(top):
                jobs.append((pyc, pyc))
    return jobs


# ---- what python3.11 says --------------------------------------------------------

def expected_dis(code):
    out = io.StringIO()
    dis.dis(code, file=out)
    return out.getvalue()


def expected_header(path, data):
    magic = int.from_bytes(data[0:2], "little")
    flags = int.from_bytes(data[4:8], "little")
    version = "%d.%d" % sys.version_info[:2] if data[:4] == importlib.util.MAGIC_NUMBER else "?"
    kind = ("timestamp-based" if not flags & 1 else
            "hash-based, checked" if flags & 2 else "hash-based, unchecked")
    lines = [f"File:              {path}",
             f"Magic number:      {magic} (Python {version})",
             f"Flags:             {flags} ({kind})"]
    if flags & 1:
        lines.append(f"Source hash:       {data[8:16].hex()}")
    else:
        mtime = int.from_bytes(data[8:12], "little")
        size = int.from_bytes(data[12:16], "little")
        date = datetime.datetime.fromtimestamp(mtime, datetime.timezone.utc)
        lines.append(f"Source mtime:      {date:%Y-%m-%d %H:%M:%S} UTC ({mtime})")
        lines.append(f"Source size:       {size} bytes")
    return "\n".join(lines) + "\n"


def code_infos(code):
    """dis.code_info of code and its nested code objects, in dis order."""
    lines = dis.code_info(code).split("\n")
    lines.insert(1, f"Qualified name:    {code.co_qualname}")
    lines.insert(3, f"First line:        {code.co_firstlineno}")
    blocks = ["\n".join(lines) + "\n"]
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            blocks += code_infos(const)
    return blocks


def expected_info(path, data, code):
    return expected_header(path, data) + "\n" + "\n".join(code_infos(code))


# ---- comparing -----------------------------------------------------------------------

def sorted_frozensets(text):
    """Each `frozenset({...})` with its elements in sorted order."""
    out, pos = [], 0
    while (start := text.find("frozenset({", pos)) >= 0:
        body_start = start + len("frozenset(")
        end = text.find("})", body_start)
        items = None
        while end >= 0:                 # the first "})" that closes a valid set display
            try:
                items = ast.literal_eval(text[body_start:end + 1])
                break
            except (SyntaxError, ValueError):
                end = text.find("})", end + 1)
        if not isinstance(items, (set, frozenset)):
            out.append(text[pos:body_start])
            pos = body_start
            continue
        out.append(text[pos:start] + "frozenset({" + ", ".join(sorted(map(repr, items))) + "})")
        pos = end + 2
    return "".join(out) + text[pos:]


def normalise(text):
    return sorted_frozensets(ADDRESS.sub("0x?", text))


def short_diff(expected, actual):
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     "python3.11", "pvm", lineterm="", n=1))
    more = len(diff) - DIFF_LINES
    return "\n".join("    " + l for l in diff[:DIFF_LINES]) + (f"\n    ... {more} more" if more > 0 else "")


def run_pvm(pvm, tool, pyc):
    try:
        r = subprocess.run([pvm, tool, pyc], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if r.returncode != 0:
        return None, f"exit status {r.returncode}: {r.stderr.decode(errors='replace').strip()[-300:]}"
    return r.stdout.decode("utf-8", errors="replace"), None


def check(pvm, label, pyc):
    """[(tool, label, failure text or None)] for one program."""
    with open(pyc, "rb") as f:
        data = f.read()
    code = marshal.loads(data[16:])
    path = os.path.abspath(pyc)
    results = []
    for tool, expected in (("dis", expected_dis(code)), ("info", expected_info(path, data, code))):
        actual, problem = run_pvm(pvm, tool, path)
        if problem is None and normalise(actual) != normalise(expected):
            problem = "output differs\n" + short_diff(normalise(expected), normalise(actual))
        results.append((tool, label, problem))
    return results


def main(argv):
    if len(argv) < 2:
        print("usage: dis_check.py PVM [PATH...]", file=sys.stderr)
        return 2
    pvm = os.path.abspath(argv[1])
    if not os.access(pvm, os.X_OK):
        print(f"dis: {pvm} is not an executable", file=sys.stderr)
        return 2
    jobs = collect(argv[2:])
    passed = failed = 0
    workers = os.cpu_count() or 2
    with concurrent.futures.ProcessPoolExecutor(workers) as pool:
        labels, pycs = [j[0] for j in jobs], [j[1] for j in jobs]
        for results in pool.map(check, [pvm] * len(jobs), labels, pycs, chunksize=4):
            for tool, label, problem in results:
                if problem is None:
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {tool} {label}: {problem}")
    print(f"dis: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":
        # frozenset constants print in hash order: make str hashes repeatable.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    sys.exit(main(sys.argv))
