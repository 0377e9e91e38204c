"""dis_version_check.py — `pvm dis` against python3.12's or python3.13's
dis.dis (whichever runs this file), for the golden programs compiled by it
(build/golden-3.12 or build/golden-3.13, made by the golden run).

    python3.12 tests/dis_version_check.py PVM
    python3.13 tests/dis_version_check.py PVM

Addresses (0x...) are not compared, nor the order of a set constant's
items (pvm's str hash is not CPython's, so a frozenset prints its items in
another order).  Prints each file that differs, then
`dis: N passed, M failed`.
"""
import contextlib
import dis
import glob
import io
import marshal
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = "%d.%d" % sys.version_info[:2]
MAGIC = {"3.12": 3531, "3.13": 3571}.get(VERSION, 0).to_bytes(2, "little") + b"\r\n"
# Known differences, not counted as failures: why.
KNOWN = {
    "lib_unicodedata/unicodedata_api.pyc": "repr of a character new in Unicode 15 "
                                           "(pvm's str.isprintable is Unicode 14's)",
}


def sorted_set(match):
    return "frozenset({" + ", ".join(sorted(match.group(1).split(", "))) + "})"


def normal(text):
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    return re.sub(r"frozenset\(\{(.*)\}\)", sorted_set, text)


def main(pvm):
    files = sorted(glob.glob(os.path.join(ROOT, "build", "golden-" + VERSION, "**", "*.pyc"),
                             recursive=True))
    passed = failed = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != MAGIC or int.from_bytes(data[4:8], "little") & ~3:
            continue
        try:
            code = marshal.loads(data[16:])
        except (EOFError, ValueError, TypeError):
            continue        # a test's deliberately damaged file (imports/sourceless_bad)
        want = io.StringIO()
        with contextlib.redirect_stdout(want):
            dis.dis(code)
        got = subprocess.run([pvm, "dis", path], capture_output=True, text=True).stdout
        rel = os.path.relpath(path, os.path.join(ROOT, "build", "golden-" + VERSION))
        if normal(got) == normal(want.getvalue()):
            passed += 1
        elif rel in KNOWN:
            print("known difference:", rel, "-", KNOWN[rel])
        else:
            failed += 1
            print("FAIL", os.path.relpath(path, ROOT))
    if adaptive_check(pvm):
        passed += 1
    else:
        failed += 1
    print("dis: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


ADAPTIVE_PROGRAM = """
def loop(n):
    total = 0
    for i in range(n):
        total += i * 2
    return total
loop(100)
"""


def without_opnames(text):
    """A listing as words, each instruction's name left out (a line's first
    word in capitals), so that the specialized forms compare equal."""
    lines = []
    for line in normal(text).splitlines():
        words = line.split()
        names = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Z][A-Z0-9_]+", w)]
        lines.append(words[:names[0]] + words[names[0] + 1:] if names else words)
    return lines


def adaptive_check(pvm):
    """`pvm dis --adaptive`: once the program ran, the listing is dis.dis's
    but for the names of the instructions pvm specialized (at least one)."""
    path = os.path.join(ROOT, "build", "dis-adaptive-%s.pyc" % VERSION)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    code = compile(ADAPTIVE_PROGRAM, "dis_adaptive.py", "exec")
    with open(path, "wb") as f:
        f.write(MAGIC + bytes(12) + marshal.dumps(code))
    want = io.StringIO()
    with contextlib.redirect_stdout(want):
        dis.dis(code)
    got = subprocess.run([pvm, "dis", "--adaptive", path], capture_output=True, text=True).stdout
    ok = got != want.getvalue() and without_opnames(got) == without_opnames(want.getvalue())
    if not ok:
        print("FAIL pvm dis --adaptive (python%s)" % VERSION)
    return ok


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
