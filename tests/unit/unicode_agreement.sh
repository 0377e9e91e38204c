#!/usr/bin/env bash
# unicode_agreement.sh PVM — compares str's Unicode predicates and case
# mappings under pvm with python3.11 for every code point below 0x30000 and
# prints the agreement rate per column.
set -euo pipefail
pvm=${1:-./pvm}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
python3.11 -c "import py_compile; py_compile.compile('$here/unicode_agreement.py', cfile='$tmp/u.pyc', doraise=True)"
python3.11 "$here/unicode_agreement.py" > "$tmp/py.txt"
"$pvm" "$tmp/u.pyc" > "$tmp/pvm.txt"
python3.11 - "$tmp/py.txt" "$tmp/pvm.txt" <<'PY'
import sys
a = open(sys.argv[1]).read().split("\n"); b = open(sys.argv[2]).read().split("\n")
names = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isspace", "isupper", "islower",
         "istitle", "isprintable", "isidentifier", "isalnum",
         "upper", "lower", "title", "swapcase", "casefold", "capitalize", "repr"]
bad = {n: [] for n in names}
for x, y in zip(a, b):
    if x == y: continue
    xs, ys = x.split(" "), y.split(" ")
    cp = xs[0]
    for i, n in enumerate(names[:11]):
        if xs[1][i] != ys[1][i]: bad[n].append(cp)
    for i, n in enumerate(names[11:]):
        if xs[2 + i] != ys[2 + i]: bad[n].append(cp)
total = len(a) - 1
for n in names:
    print("%-13s %7.3f%%  %d differ %s" % (n, 100 * (total - len(bad[n])) / total, len(bad[n]), " ".join(bad[n][:8])))
PY
rm -rf "$tmp"
