#!/usr/bin/env bash
# check.sh — every test pvm has: the Check unit tests, the golden programs
# (under every dispatch strategy of every PVM binary given), the Ctrl-C
# tests and the hostile .pyc files (likewise), the verifier over the
# installed standard library, a few thousand damaged .pyc files and the
# fuzzer's kept inputs, the disassembler against python3.11's dis, the
# tracer against python3.11's executed instructions, the scripted debugger
# sessions, source compiled at run time, start-up (sys.path, PYTHONHOME,
# the options), the interactive prompt and a slice of CPython's test suite.
#
#   tests/check.sh UNIT_BIN PVM [PVM...]   (what `make check` runs)
#
# The strategies are what `PVM --list-dispatch` prints; the golden runner
# takes an executable, so each `PVM --dispatch=NAME` gets a two-line wrapper
# script in build/dispatch/.  A PVM without --list-dispatch runs as it is.
#
# Prints the runners' output, then ONE summary line "N passed, M failed",
# counting unit checks, golden programs, Ctrl-C tests, dis, trace and debug
# comparisons.  A runner that crashes or prints no summary counts as one more
# failure.  Exit 0 only if nothing failed.
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
stage_times=()      # "SECONDS s  NAME" per runner, printed at the end

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
    local out status pass fail start=$EPOCHREALTIME
    out=$("$@" 2>&1)
    status=$?
    printf '%s\n' "$out"
    local label=$name arg
    for arg in "$@"; do                 # the strategy, when a wrapper runs
        case $arg in */dispatch/pvm-*) label="$name ${arg##*/pvm-}" ;; esac
    done
    stage_times+=("$(awk -v a="$start" -v b="$EPOCHREALTIME" -v n="$label" \
                       'BEGIN { printf "%8.1f s  %s", b - a, n }')")
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

# strategy_wrappers PVM: print one executable per dispatch strategy of PVM
# (wrappers running `PVM --dispatch=NAME`), or PVM itself.
strategy_wrappers() {
    local pvm names dir name
    pvm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    if ! names=$("$pvm" --list-dispatch 2>/dev/null) || [ -z "$names" ]; then
        echo "$pvm"
        return
    fi
    dir=$(dirname "$here")/build/dispatch
    mkdir -p "$dir"
    for name in $(printf '%s\n' "$names" | awk '{ print $1 }'); do
        printf '#!/bin/sh\nexec %q --dispatch=%s "$@"\n' "$pvm" "$name" > "$dir/pvm-$name"
        chmod +x "$dir/pvm-$name"
        echo "$dir/pvm-$name"
    done
}

for pvm in "$@"; do
    for runner in $(strategy_wrappers "$pvm"); do
        echo "== golden programs: $runner"
        run_suite golden '^golden: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_golden.sh" "$runner"
        echo "== Ctrl-C: $runner"
        run_suite signals '^signals: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_signals.sh" "$runner"
        echo "== hostile .pyc files: $runner"
        run_suite hostile '^hostile: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_hostile.sh" "$runner"
    done
done

# The golden programs of Python VERSION under every strategy of each PVM.
golden_version() {
    local version=$1 pvm runner
    shift
    for pvm in "$@"; do
        for runner in $(strategy_wrappers "$pvm"); do
            echo "== golden programs, Python $version: $runner"
            PYVER=$version run_suite "golden${version/./}" '^golden: ([0-9]+) passed, ([0-9]+) failed$' \
                "$here/run_golden.sh" "$runner"
        done
    done
}

# CPython 3.12 bytecode (vm/translate.c): the golden programs compiled by
# python3.12 under every strategy, tests/golden-3.12.fails being the known
# failures, and the verifier over python3.12's installed standard library.
# Skipped, saying so, where there is no python3.12 (PYTHON312, which the
# Makefile finds in pyenv).
versions_run="3.11"
if [ -n "${PYTHON312:-}" ] && [ -x "$PYTHON312" ]; then
    versions_run="$versions_run 3.12"
    golden_version 3.12 "$@"
    echo "== dis, Python 3.12: $1"
    run_suite dis312 '^dis: ([0-9]+) passed, ([0-9]+) failed$' \
        "$PYTHON312" "$here/dis_version_check.py" "$1"
    echo "== verifier over python3.12's standard library: $1"
    PYVER=3.12 run_suite verify312 '^verify: ([0-9]+) passed, ([0-9]+) failed$' \
        "$here/run_verify_stdlib.sh" "$1" installed
else
    echo "== Python 3.12: skipped: no python3.12 (PYTHON312 is '${PYTHON312:-}'; make finds it in pyenv)"
fi

# CPython 3.13 bytecode, the same way (tests/golden-3.13.fails; PYTHON313).
if [ -n "${PYTHON313:-}" ] && [ -x "$PYTHON313" ]; then
    versions_run="$versions_run 3.13"
    golden_version 3.13 "$@"
    echo "== dis, Python 3.13: $1"
    run_suite dis313 '^dis: ([0-9]+) passed, ([0-9]+) failed$' \
        "$PYTHON313" "$here/dis_version_check.py" "$1"
    echo "== verifier over python3.13's standard library: $1"
    PYVER=3.13 run_suite verify313 '^verify: ([0-9]+) passed, ([0-9]+) failed$' \
        "$here/run_verify_stdlib.sh" "$1" installed
else
    echo "== Python 3.13: skipped: no python3.13 (PYTHON313 is '${PYTHON313:-}'; make finds it in pyenv)"
fi

# CPython 3.14 (pyodide in node, tools/python314): the oracle and its
# compiler (tests/run_py314.sh), then the golden programs compiled by
# python3.14 under every strategy (tests/golden-3.14.fails; golden.py asks
# python3.14 in batches, it starts in seconds).
if [ -n "${PYTHON314:-}" ] && [ -x "$PYTHON314" ]; then
    versions_run="$versions_run 3.14"
    echo "== Python 3.14 (pyodide): $1"
    run_suite py314 '^py314: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_py314.sh" "$1" "$PYTHON314"
    golden_version 3.14 "$@"
    echo "== compile service, Python 3.14 (the shared compile server): $1"
    run_suite compile314 '^compile314: ([0-9]+) passed, ([0-9]+) failed$' \
        "${PYTHON:-python3}" "$here/compile/server314.py" "$1" "$PYTHON314"
    echo "== dis, Python 3.14: $1 (golden programs and pyodide's standard library)"
    run_suite dis314 '^dis: ([0-9]+) passed, ([0-9]+) failed$' \
        "${PYTHON:-python3}" "$here/dis314_check.py" "$1" "$PYTHON314"
    echo "== verifier over python3.14's standard library (pyodide's): $1"
    PYVER=3.14 run_suite verify314 '^verify: ([0-9]+) passed, ([0-9]+) failed$' \
        "$here/run_verify_stdlib.sh" "$1" installed
    echo "== hostile 3.14 .pyc files: $1"
    run_suite hostile314 '^hostile314: ([0-9]+) passed, ([0-9]+) failed$' \
        "${PYTHON:-python3}" "$here/hostile/check_hostile314.py" "$1" "$PYTHON314"
else
    echo "== Python 3.14: skipped: no pyodide in tools/python314 (PYTHON314 is '${PYTHON314:-}'; make deps installs it)"
fi

# A call's NULL or an unbound local moved where nothing may take it, in the
# bytecode of each newer python found (3.11's are among the hostile files).
nulls_pythons=()
for py in "${PYTHON312:-}" "${PYTHON313:-}" "${PYTHON314:-}"; do
    [ -n "$py" ] && [ -x "$py" ] && nulls_pythons+=("$py")
done
if [ ${#nulls_pythons[@]} -gt 0 ]; then
    echo "== hostile NULLs in 3.12 to 3.14 .pyc files: $1"
    run_suite hostile-nulls '^hostile-nulls: ([0-9]+) passed, ([0-9]+) failed$' \
        "${PYTHON:-python3}" "$here/hostile/check_hostile_nulls.py" "$1" "${nulls_pythons[@]}"
fi

# Untrusted bytecode (docs/reliability.md), the default strategy: the
# verifier accepts all of python3.11's installed standard library; damaged
# files (a fixed seed) and the fuzzer's kept inputs never kill pvm by a
# signal nor hang it.
echo "== verifier over the standard library: $1"
run_suite verify '^verify: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_verify_stdlib.sh" "$1" installed
echo "== hostile surroundings: $1"
run_suite surroundings '^surroundings: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_surroundings.sh" "$1"
echo "== mutants: $1"
run_suite mutants '^mutants: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_mutants.sh" "$1" --seed 14 --count 3000
if [ -n "$(ls -A "$here/fuzz/corpus" 2>/dev/null)" ]; then
    echo "== the fuzzer's kept inputs: $1"
    run_suite replay '^mutants: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_mutants.sh" "$1" --replay "$here/fuzz/corpus"
fi

# The dispatch strategy does not change what `pvm dis` prints: first PVM only.
echo "== dis and info: $1"
run_suite dis '^dis: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_dis.sh" "$1"

# Slices of the goldens under the collector's stress mode (runtime/gc.c,
# PVM_GC_STRESS: a full collection every 200 allocations, freed memory handed
# out again at once): 102 programs, ~15 s; `make gcstress` runs 193.
for slice in apps/ strings/ types_str/ lib_re/ generators/ finalizers/; do
    echo "== goldens under GC stress: $1 $slice"
    PVM_GC_STRESS=200 GOLDEN_TIMEOUT=120 run_suite gcstress '^golden: ([0-9]+) passed, ([0-9]+) failed$' \
        "$here/run_golden.sh" "$1" "$slice"
done

# The tracer (against python3.11's own opcode trace) and scripted debugger
# sessions: both run the separate tracing loop, whatever the default strategy.
echo "== trace: $1"
run_suite trace '^trace: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_trace.sh" "$1"
echo "== debug: $1"
run_suite debug '^debug: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_debug.sh" "$1"

# Source at run time: -c, stdin, scripts and imports compiled by the compile
# service, __pycache__ writing, the co-process's life; then the interactive
# prompt in a terminal (tmux) against python3.11's.
echo "== compile: $1"
run_suite compile '^compile: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_compile.sh" "$1"
# How pvm starts: the standard library's directory, sys.path, sys.prefix,
# PYTHONHOME/PYTHONPATH and the options that set sys.flags.
echo "== startup: $1"
run_suite startup '^startup: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_startup.sh" "$1"
echo "== repl: $1"
run_suite repl '^repl: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_repl.sh" "$1"
# curses programs in tmux (_curses, _curses_panel) against python3.11's screens.
echo "== curses: $1"
run_suite curses '^curses: ([0-9]+) passed, ([0-9]+) failed$' "$here/run_curses.sh" "$1"
# A slice of CPython's own test suite (tests/conformance/quick.txt): no
# module may pass fewer tests than its floor (floor.txt).
echo "== conformance (quick slice): $1"
run_suite conformance '^conformance floor: ([0-9]+) passed, ([0-9]+) failed$' \
    "${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}" "$here/conformance/run.py" --pvm "$1" \
    --python "${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}" --modules "$here/conformance/quick.txt" \
    --timeout 120 --check-floor "$here/conformance/floor.txt"

echo "== wall-clock time of each stage (golden and friends once per strategy):"
printf '%s\n' "${stage_times[@]}"
echo "== Python versions whose golden programs ran: $versions_run"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
