#!/usr/bin/env bash
# run_compile.sh — pvm's entry points for source (-c, stdin, scripts and
# imports without cached bytecode, __pycache__ writing) and its compile
# service (no compiler, a dying or killed co-process), against python3.11.
#
#   tests/run_compile.sh PVM
#
# Runs tests/compile/check.py with python3.11 (PYTHON), which is also the
# compiler pvm uses for the run (PVM_COMPILER).  Prints one FAIL line per
# difference, then "compile: N passed, M failed".
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 PVM" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "compile: $python is not Python 3.11 (needed as the oracle and the compiler)" >&2
    exit 2
fi
exec "$python" "$here/compile/check.py" "$1"
