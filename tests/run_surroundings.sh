#!/usr/bin/env bash
# run_surroundings.sh PVM [FILTER] — pvm in hostile surroundings
# (tests/hostile/check_surroundings.py): closed pipes, full disks, memory
# limits, files that are not .pyc files.  Last line:
# surroundings: N passed, M failed.
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3.11}
if ! "$python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "surroundings: $python is not python3.11 (the oracle)"
    exit 2
fi
exec "$python" "$here/hostile/check_surroundings.py" "$@"
