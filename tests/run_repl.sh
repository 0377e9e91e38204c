#!/usr/bin/env bash
# run_repl.sh — the interactive prompt in a terminal driven by tmux, screen
# for screen against python3.11's REPL given the same keystrokes.
#
#   tests/run_repl.sh PVM
#
# Runs tests/repl/check.py (see there) with python3.11 (PYTHON), which is
# also the compiler pvm uses.  Prints one FAIL line per differing session,
# then "repl: N passed, M failed".
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 PVM" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "repl: $python is not Python 3.11 (needed as the oracle and the compiler)" >&2
    exit 2
fi
exec "$python" "$here/repl/check.py" "$1"
