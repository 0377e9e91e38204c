"""dis314_check.py — `pvm dis` and `pvm info` against python3.14's dis module
(dis.dis, and dis.code_info as tests/dis_check.py shows it), over .pyc files
that python3.14 compiles at test time: the golden programs and the standard
library pyodide ships (tools/python314/node_modules/pyodide/python_stdlib.zip).

    python3 tests/dis314_check.py PVM PYTHON314 [--stdlib|--golden]

python3.14 runs in node (tools/python314), where it cannot start pvm, so
one python3.14 run compiles every source and writes what it expects beside
the .pyc (build/dis-3.14/: .dis and .info); this script, under any python3,
then runs `pvm dis` and `pvm info` on each .pyc and compares (one check per
file and tool).  What python3.14 wrote is kept for the next run while the
sources, pyodide and this script are unchanged (build/dis-3.14/.key): the
generation is most of the run's time.  As tests/dis_version_check.py,
addresses (0x...) are not compared, nor the order of a set constant's
items.  Prints each file that differs, then `dis: N passed, M failed`.
"""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "build", "dis-3.14")
STDLIB_ZIP = os.path.join(ROOT, "tools", "python314", "node_modules", "pyodide",
                          "python_stdlib.zip")
MAGIC = (3627).to_bytes(2, "little") + b"\r\n"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dis_version_check import KNOWN as GOLDEN_KNOWN, normal  # noqa: E402

# Known differences, not counted as failures: why (the golden programs' are
# 3.12's and 3.13's).
KNOWN = {"golden/" + rel: why for rel, why in GOLDEN_KNOWN.items()}

# Run by python3.14: compile each source under WORK to a .pyc beside it and
# write what dis.dis prints for it to a .dis file; a source python3.14
# cannot compile (a test of a SyntaxError) is left out.
GENERATE = r'''
import dis, io, marshal, os, py_compile, sys
work = sys.argv[1]
sys.path.insert(0, sys.argv[2])
import dis_check
for top, dirs, files in os.walk(work):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".py"):
            continue
        src = os.path.join(top, name)
        pyc = src + "c"
        try:
            py_compile.compile(src, cfile=pyc, dfile=os.path.relpath(src, work), doraise=True)
        except Exception:
            continue
        with open(pyc, "rb") as f:
            data = f.read()
        code = marshal.loads(data[16:])
        with open(pyc[:-4] + ".dis", "w", encoding="utf-8") as f:
            f.write(dis_check.expected_dis(code))
        with open(pyc[:-4] + ".info", "w", encoding="utf-8") as f:
            f.write(dis_check.expected_info(pyc, data, code))
'''


def golden_sources():
    """(relative path, source path) of every golden program."""
    found = []
    for src in sorted(glob.glob(os.path.join(ROOT, "tests", "programs", "**", "*.py"),
                                recursive=True)):
        rel = os.path.relpath(src, os.path.join(ROOT, "tests", "programs"))
        if "pvm_" not in rel:           # not a crashed run's scratch directory
            found.append((rel, src))
    return found


def inputs_key(parts, py314):
    """A hash of everything the generation reads: the parts asked for, the
    golden sources, pyodide's stdlib and version, python3.14's runner, this
    script and dis_check.py (the expected formats)."""
    h = hashlib.sha256(repr(sorted(parts)).encode())
    files = [src for _, src in golden_sources()] if "golden" in parts else []
    files += [os.path.abspath(__file__), os.path.join(ROOT, "tests", "dis_check.py"),
              STDLIB_ZIP, os.path.join(os.path.dirname(STDLIB_ZIP), "package.json"),
              os.path.join(os.path.dirname(os.path.realpath(py314)), "py314.mjs")]
    for path in files:
        h.update(path.encode() + b"\0")
        try:
            with open(path, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()


def gather(parts):
    """The sources, copied under WORK: golden/ and stdlib/."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    if "golden" in parts:
        for rel, src in golden_sources():
            dest = os.path.join(WORK, "golden", rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(src, dest)
    if "stdlib" in parts:
        with zipfile.ZipFile(STDLIB_ZIP) as z:
            for name in z.namelist():
                if name.endswith(".py"):
                    z.extract(name, os.path.join(WORK, "stdlib"))


def main(argv):
    pvm, py314 = argv[0], argv[1]
    parts = {a[2:] for a in argv[2:]} or {"golden", "stdlib"}
    key = inputs_key(parts, py314)
    key_file = os.path.join(WORK, ".key")
    try:
        with open(key_file) as f:
            kept = f.read() == key
    except OSError:
        kept = False
    if not kept:
        gather(parts)
        run = subprocess.run([py314, "-c", GENERATE, WORK, os.path.join(ROOT, "tests")],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print("FAIL python3.14 did not compile the sources:", run.stderr[-2000:])
            print("dis: 0 passed, 1 failed")
            return 1
        with open(key_file, "w") as f:
            f.write(key)
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(WORK, "**", "*.pyc"), recursive=True)):
        rel = os.path.relpath(path, WORK)
        with open(path, "rb") as f:
            if f.read(4) != MAGIC:
                failed += 1
                print("FAIL not a 3.14 .pyc:", rel)
                continue
        for tool in ("dis", "info"):
            want_path = path[:-4] + "." + tool
            if not os.path.exists(want_path):
                continue
            with open(want_path, encoding="utf-8") as f:
                want = f.read()
            got = subprocess.run([pvm, tool, path], capture_output=True, text=True,
                                 errors="replace")
            if got.returncode == 0 and normal(got.stdout) == normal(want):
                passed += 1
            elif rel in KNOWN:
                print("known difference:", tool, rel, "-", KNOWN[rel])
            else:
                failed += 1
                print("FAIL", tool, rel, got.stderr.strip()[:200])
    print("dis: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
