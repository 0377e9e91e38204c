#!/usr/bin/env bash
# run_signals.sh — Ctrl-C (SIGINT) sent to running programs, pvm against
# python3.11: the loops of tests/signals/ must stop with python3.11's stdout,
# last traceback line and exit status.
#
#   tests/run_signals.sh PVM [FILTER]
#
# Runs tests/signals/check_signals.py (see there); prints one FAIL line per
# difference, then "signals: N passed, M failed".
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PVM [FILTER]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "signals: $python is not Python 3.11 (needed as the oracle)" >&2
    exit 2
fi
exec "$python" "$here/signals/check_signals.py" "$@"
