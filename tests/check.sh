#!/usr/bin/env bash
# check.sh — every test pvm has: the Check unit tests, the golden programs
# (once per PVM binary given: one per dispatch strategy), and the
# disassembler against python3.11's dis.
#
#   tests/check.sh UNIT_BIN PVM [PVM...]   (what `make check` runs)
#
# Prints the runners' output, then ONE summary line "N passed, M failed",
# counting unit checks, golden programs and dis comparisons.  A runner that
# crashes or prints no summary counts as one more failure.  Exit 0 only if
# nothing failed.
set -uo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 UNIT_BIN PVM [PVM...]" >&2
    exit 2
fi
unit_bin=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0

# tally NAME STATUS PASS FAIL: add one runner's counts (PASS empty = the
# runner printed no summary line) to the totals.
tally() {
    local name=$1 status=$2 pass=$3 fail=$4
    if [ -z "$pass" ]; then
        echo "check: $name runner printed no summary (exit status $status)"
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + pass))
    failed=$((failed + fail))
    if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
        echo "check: $name runner exited with status $status"
        failed=$((failed + 1))
    fi
}

# run_suite NAME REGEX COMMAND...: run a runner whose last line matches
# REGEX, whose groups 1 and 2 are the passed and failed counts.
run_suite() {
    local name=$1 regex=$2
    shift 2
    local out status pass fail
    out=$("$@" 2>&1)
    status=$?
    printf '%s\n' "$out"
    read -r pass fail < <(printf '%s\n' "$out" | grep -E "$regex" | tail -n 1 |
                          sed -E "s/$regex/\\1 \\2/")
    tally "$name" "$status" "${pass:-}" "${fail:-}"
}

# Check prints "NN%: Checks: T, Failures: F, Errors: E"; turn that into
# passed/failed counts.
unit_counts() {
    "$unit_bin" 2>&1 | tee /dev/stderr |
        sed -nE 's/^[0-9]+%: Checks: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2 \3/p' |
        awk '{ print "unit: " $1 - $2 - $3 " passed, " $2 + $3 " failed" }'
    return "${PIPESTATUS[0]}"
}

echo "== unit tests: $unit_bin"
run_suite unit '^unit: ([0-9]+) passed, ([0-9]+) failed$' unit_counts

for pvm in "$@"; do
    echo "== golden programs: $pvm"
    run_suite golden '^golden: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_golden.sh" "$pvm"
done

# The dispatch strategy does not change what `pvm dis` prints: first PVM only.
echo "== dis and info: $1"
run_suite dis '^dis: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_dis.sh" "$1"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
