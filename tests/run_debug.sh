#!/usr/bin/env bash
# run_debug.sh — scripted `pvm debug` sessions against reviewed transcripts.
#
#   tests/run_debug.sh PVM            compare every tests/debug/CASE
#   tests/run_debug.sh PVM --update   rewrite the .expected files (then review them!)
#
# A case is CASE.py (the program), CASE.cmds (the commands, one a line) and
# CASE.expected (the transcript).  The program is compiled with python3.11
# into a scratch folder, as CASE.pyc with the source CASE.py beside it, and
# run there as `pvm debug CASE.pyc < CASE.cmds` (stdin is not a terminal,
# so each command is echoed after the prompt).  Addresses (0x...) are
# replaced by 0xADDR.  Also checked against python3.11: its output of the
# program appears in the transcript, line by line in order (all of it if
# the session ran the program to the end); see tests/debug/README.md.
# Prints one FAIL line per difference, then "debug: N passed, M failed".
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 PVM [--update]" >&2
    exit 2
fi
pvm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0
failed=0

for cmds in "$here"/debug/*.cmds; do
    case=$(basename "$cmds" .cmds)
    cp "$here/debug/$case.py" "$scratch/$case.py"
    (cd "$scratch" && "$python" -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)" "$case.py" "$case.pyc")
    got=$(cd "$scratch" && "$pvm" debug "$case.pyc" < "$cmds" 2>&1 | sed -E 's/0x[0-9a-f]+/0xADDR/g')
    if [ "$update" = "--update" ]; then
        printf '%s\n' "$got" > "$here/debug/$case.expected"
    fi
    if [ "$got" = "$(cat "$here/debug/$case.expected" 2>/dev/null)" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL debug/$case: transcript differs:"
        diff <(printf '%s\n' "$got") "$here/debug/$case.expected" | head -20
    fi
    # The program's own output must appear in the transcript, in order
    # (all of it when the session ran the program to its end).
    if (cd "$scratch" && "$python" "$case.py" 2>&1) > "$scratch/$case.out" &&
       printf '%s\n' "$got" | "$python" "$here/debug/check_output.py" "$scratch/$case.out"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL debug/$case: the program's output is not python3.11's"
    fi
done
echo "debug: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
