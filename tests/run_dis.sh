#!/usr/bin/env bash
# run_dis.sh — `pvm dis` and `pvm info` against python3.11's dis module.
#
#   tests/run_dis.sh PVM [PATH...]
#
# Checks every tests/programs/**/*.py, tests/dis/*.py and a few generated
# large programs (see tests/dis_check.py), plus any extra .py/.pyc files or
# folders given, e.g.  tests/run_dis.sh ./pvm /usr/lib/python3.11
# Prints one FAIL line per difference, then "dis: N passed, M failed".
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 PVM [PATH...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! command -v "$python" >/dev/null 2>&1; then
    echo "dis: $python not found: python3.11 is required to produce the expected output" >&2
    exit 2
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    echo "dis: $python is not Python 3.11" >&2
    exit 2
fi
PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 exec "$python" "$here/dis_check.py" "$@"
