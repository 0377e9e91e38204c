#!/usr/bin/env bash
# check.sh — every test pvm has: the Check unit tests, then the golden programs.
#
#   tests/check.sh UNIT_BIN PVM [PVM...]   (what `make check` runs)
#
# The golden suite runs once per PVM binary given (one per dispatch strategy).
# Prints the runners' output, then ONE summary line "N passed, M failed", where
# N and M count unit checks plus golden programs.  A runner that crashes or
# prints no summary counts as one more failure.  Exit 0 only if nothing failed.
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

# ---- unit tests: Check prints "NN%: Checks: T, Failures: F, Errors: E" ----
echo "== unit tests: $unit_bin"
unit_out=$("$unit_bin" 2>&1)
unit_status=$?
printf '%s\n' "$unit_out"
summary=$(printf '%s\n' "$unit_out" | grep -E '^[0-9]+%: Checks: [0-9]+' | tail -n 1)
if [ -n "$summary" ]; then
    read -r total fails errors < <(printf '%s\n' "$summary" |
        sed -E 's/.*Checks: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2 \3/')
    passed=$((passed + total - fails - errors))
    failed=$((failed + fails + errors))
    if [ "$unit_status" -ne 0 ] && [ $((fails + errors)) -eq 0 ]; then
        echo "check: unit runner exited with status $unit_status"
        failed=$((failed + 1))
    fi
else
    echo "check: unit runner printed no summary (exit status $unit_status)"
    failed=$((failed + 1))
fi

# ---- golden programs: last line "golden: N passed, M failed" ----
for pvm in "$@"; do
    echo "== golden programs: $pvm"
    golden_out=$("$here/run_golden.sh" "$pvm" 2>&1)
    golden_status=$?
    printf '%s\n' "$golden_out"
    summary=$(printf '%s\n' "$golden_out" | grep -E '^golden: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -n "$summary" ]; then
        read -r gpass gfail < <(printf '%s\n' "$summary" |
            sed -E 's/^golden: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/')
        passed=$((passed + gpass))
        failed=$((failed + gfail))
        if [ "$golden_status" -ne 0 ] && [ "$gfail" -eq 0 ]; then
            echo "check: golden runner exited with status $golden_status"
            failed=$((failed + 1))
        fi
    else
        echo "check: golden runner printed no summary (exit status $golden_status)"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
