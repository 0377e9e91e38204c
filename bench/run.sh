#!/usr/bin/env bash
# run.sh — benchmarks: pvm against python3.11, side by side (bench/README.md).
#
#   bench/run.sh [VARIANT ...] [FILTER ...]
#   bench/run.sh ./pvm                                   (the default strategy)
#   bench/run.sh gcc=build/gcc/pvm clang=build/clang/pvm (two builds, labelled)
#   bench/run.sh "goto=./pvm --dispatch=goto" fib nbody  (label=path + pvm options;
#                                    `make bench` passes one per dispatch strategy)
#
# A VARIANT is PATH (label "pvm") or LABEL=PATH, optionally followed (in the same
# argument) by options for pvm; any other argument filters programs by name.
# Every program's output is checked against python3.11 first (a wrong result is
# reported, never timed); then python3.11 and every variant are timed in
# interleaved rounds.  Results: bench/results/latest.md, latest.json, ratio.svg.
#
# Environment: PYTHON (default python3.11), PYVER (3.11; 3.12: compare with
# python3.12, results in bench/results/3.12/), BENCH_RUNS (5), BENCH_CALLGRIND=1
# (instruction counts with valgrind), BENCH_PERF (0 = off), BENCH_CHART=0 (no
# chart), BENCH_TIMEOUT (120 s per run), BENCH_OUT (results directory).
#
# This wrapper finds python3.11 and installs gnuplot for the chart if it can
# (as root, or through sudo without a password); the work is done by
# bench/tools/bench.py.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# PYVER (default 3.11): the version that compiles the programs and is
# measured beside pvm; PYTHON its interpreter.
pyver=${PYVER:-3.11}
if [ "$pyver" = 3.11 ]; then
    python=${PYTHON:-$(test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || echo python3.11)}
else
    python=${PYTHON:-python$pyver}
fi
if ! command -v "$python" >/dev/null 2>&1; then
    echo "bench: $python not found: python$pyver is required" >&2
    exit 2
fi
if ! "$python" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$pyver'.split('.'))))"; then
    echo "bench: $python is not Python $pyver" >&2
    exit 2
fi

# gnuplot draws bench/results/ratio.svg; without it the chart is skipped.
if [ "${BENCH_CHART:-1}" != 0 ] && ! command -v gnuplot >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "bench: installing gnuplot-nox for the chart"
        apt-get install -y gnuplot-nox >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y gnuplot-nox >/dev/null 2>&1; } ||
            echo "bench: could not install gnuplot-nox; no chart"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "bench: installing gnuplot-nox for the chart"
        sudo apt-get install -y gnuplot-nox >/dev/null 2>&1 ||
            echo "bench: could not install gnuplot-nox; no chart"
    fi
fi

export PYTHON="$python" PYVER="$pyver"
exec "$python" "$here/tools/bench.py" "$@"
