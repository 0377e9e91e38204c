#!/usr/bin/env bash
# run_verify_stdlib.sh PVM [installed|full] — every .pyc python3.11 writes
# must pass the bytecode verifier (`pvm verify`, vm/verify.c).
#
#   installed  the .pyc files installed with python3.11's standard library
#              (its __pycache__ directories): about 1600 files, a second or
#              two; what `make check` runs
#   full       the whole standard library, test/ included, compiled now by
#              python3.11 -m compileall at all three optimisation levels into
#              build/stdlib (-X pycache_prefix): about 4900 files;
#              `make verify-stdlib`
#
# Prints each rejected file's line, then "verify: N passed, M failed".
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PVM [installed|full]" >&2
    exit 2
fi
pvm=$1
mode=${2:-installed}
here=$(cd "$(dirname "$0")" && pwd)
# PYVER=3.12 (3.13): python3.12's (PYTHON312; python3.13's, PYTHON313)
# instead, its .cpython-312 (-313) files.  PYVER=3.14: pyodide's standard
# library as the Makefile unpacks and compiles it with python3.14
# (build/python314, `make py314-stdlib`), both modes; tests/verify-3.14.fails
# lists the files known to be refused, with why (not counted).
pyver=${PYVER:-3.11}
case "$pyver" in
    3.11) python=${PYTHON:-/usr/bin/python3.11} ;;
    3.12) python=${PYTHON312:-python3.12} ;;
    *) python=${PYTHON313:-python$pyver} ;;
esac
tag=cpython-${pyver/./}
known=$here/verify-$pyver.fails
if [ "$pyver" = 3.14 ]; then
    stdlib=$(dirname "$here")/build/python314/lib/python3.14
    mode=installed
elif ! stdlib=$("$python" -c "import sys, sysconfig; assert sys.version_info[:2] == tuple(map(int, '$pyver'.split('.')));
print(sysconfig.get_path('stdlib'))" 2>/dev/null); then
    echo "verify: $python is not python$pyver" >&2
    exit 2
fi
case $mode in
installed)
    root=$stdlib ;;
full)
    root=$(dirname "$here")/build/stdlib${pyver/3.11/}
    "$python" -X pycache_prefix="$root" -m compileall -q -o 0 -o 1 -o 2 "$stdlib" \
        >/dev/null 2>&1     # a few test files are invalid Python on purpose
    ;;
*)
    echo "usage: $0 PVM [installed|full]" >&2
    exit 2 ;;
esac
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$root" -name "*.$tag*.pyc" | sort > "$list"
if [ -f "$known" ]; then                # "path/under/the/stdlib.pyc  why"
    while read -r rel why; do
        case "$rel" in ''|'#'*) continue ;; esac
        if grep -qxF "$root/$rel" "$list"; then
            echo "known: $rel: $why"
            grep -vxF "$root/$rel" "$list" > "$list.new"; mv "$list.new" "$list"
        fi
    done < "$known"
fi
total=$(wc -l < "$list")
if [ "$total" -eq 0 ]; then
    echo "verify: no .pyc files under $root"
    exit 2
fi
rejected=$(xargs -d '\n' "$pvm" verify < "$list" 2>&1 >/dev/null | tee /dev/stderr | wc -l)
echo "verify: $((total - rejected)) passed, $rejected failed"
[ "$rejected" -eq 0 ]
