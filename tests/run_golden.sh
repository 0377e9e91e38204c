#!/usr/bin/env bash
# run_golden.sh — golden tests: every tests/programs/**/*.py run by pvm (as a .pyc
# compiled by python3.11) must print the same stdout, exit with the same status and
# end stderr with the same last line as python3.11 running the .py.
#
#   tests/run_golden.sh PVM [FILTER]
#       e.g. tests/run_golden.sh ./pvm strings/
#
# The work is done by tests/golden.py (one Python process, a pool of workers);
# this wrapper only finds python3.11.  PYTHON overrides the interpreter.
# Last line printed: "golden: N passed, M failed".  Exit 0 = all passed,
# 1 = failures, 2 = the suite could not run.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PVM [FILTER]" >&2
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
# PYVER=3.12 (3.13): the programs compiled by and compared with python3.12
# (PYTHON312; python3.13, PYTHON313), with tests/golden-3.12.fails
# (golden-3.13.fails) as the known failures.  PYVER=3.14: golden.py runs
# under python3.11 and asks python3.14 (PYTHON314, pyodide in node:
# tools/python314/python3.14) to compile and run the programs.
pyver=${PYVER:-3.11}
case "$pyver" in
    3.11) python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)} ;;
    3.12) python=${PYTHON312:-python3.12} ;;
    3.14) python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}; pyver_driver=3.11
          export PYTHON314=${PYTHON314:-$here/../tools/python314/python3.14} ;;
    *) python=${PYTHON313:-python$pyver} ;;
esac
if ! command -v "$python" >/dev/null 2>&1; then
    echo "golden: $python not found: python$pyver is required to produce the expected output" >&2
    exit 2
fi
driver=${pyver_driver:-$pyver}
if ! "$python" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$driver'.split('.'))))"; then
    echo "golden: $python is not Python $driver" >&2
    exit 2
fi

PYVER=$pyver exec "$python" "$here/golden.py" "$@"
