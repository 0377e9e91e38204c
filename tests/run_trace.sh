#!/usr/bin/env bash
# run_trace.sh — `pvm trace` against the instructions python3.11 executes.
#
#   tests/run_trace.sh PVM
#
# Runs tests/trace/check_trace.py (see there); prints one FAIL line per
# difference, then "trace: N passed, M failed".
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 PVM" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "trace: $python is not Python 3.11 (needed as the oracle)" >&2
    exit 2
fi
PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 exec "$python" "$here/trace/check_trace.py" "$1"
