#!/usr/bin/env bash
# run_hostile.sh PVM [FILTER] — hand-crafted hostile .pyc files
# (tests/hostile/check_hostile.py): each must be rejected with one precise
# line, or raise the right exception.  Last line: hostile: N passed, M failed.
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3.11}
if ! "$python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "hostile: $python is not python3.11 (needed to build the files)"
    exit 2
fi
exec "$python" "$here/hostile/check_hostile.py" "$@"
