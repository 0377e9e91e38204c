#!/usr/bin/env bash
# run_startup.sh — how pvm starts (the standard library's directory,
# sys.path, sys.prefix, PYTHONHOME, PYTHONPATH, -E -I -P -S -s -X -W and
# sys.flags) against python3.11.
#
#   tests/run_startup.sh PVM
#
# Runs tests/startup/check.py with python3.11 (PYTHON).  Prints one FAIL
# line per difference, then "startup: N passed, M failed".
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 PVM" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "startup: $python is not Python 3.11 (needed as the oracle)" >&2
    exit 2
fi
exec "$python" "$here/startup/check.py" "$1"
