#!/usr/bin/env bash
# run_mutants.sh PVM [ARGS] — damaged .pyc files must never kill pvm by a
# signal nor hang it (tests/mutants/check_mutants.py: --seed N, --count N,
# --replay DIR).  Last line: mutants: N passed, M failed.
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3.11}
if ! "$python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "mutants: $python is not python3.11 (needed to compile the seeds)"
    exit 2
fi
exec "$python" "$here/mutants/check_mutants.py" "$@"
