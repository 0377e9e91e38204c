#!/usr/bin/env bash
# run.sh — benchmarks: pvm against python3.11, side by side.
#
#   bench/run.sh PVM [FILTER]          (what `make bench` runs)
#
# For every bench/*.py (whose name contains FILTER): compile it with python3.11,
# check that pvm prints exactly what python3.11 prints (a mismatch is reported and
# that program is not timed), then time python3.11 (on the .py) and pvm (on the
# .pyc) alternately, BENCH_RUNS times each (default 5), and report the medians.
# Timings include process start-up.  PYTHON overrides the interpreter.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PVM [FILTER]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pvm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
filter=${2:-}
python=${PYTHON:-python3.11}
runs=${BENCH_RUNS:-5}
build=$root/build/bench

if ! command -v "$python" >/dev/null 2>&1; then
    echo "bench: $python not found: python3.11 is required" >&2
    exit 2
fi
if [ ! -x "$pvm" ]; then
    echo "bench: $1 is not an executable" >&2
    exit 2
fi

programs=()
for src in "$here"/*.py; do
    name=$(basename "$src" .py)
    [ "$name" = timeit ] && continue
    case "$name" in *"$filter"*) programs+=("$name") ;; esac
done
if [ ${#programs[@]} -eq 0 ]; then
    echo "bench: no benchmark matches '$filter'" >&2
    exit 2
fi

# Compile every benchmark in one Python process.
mkdir -p "$build"
"$python" - "$here" "$build" "${programs[@]}" <<'PY'
import py_compile, sys
src, out = sys.argv[1], sys.argv[2]
for name in sys.argv[3:]:
    py_compile.compile("%s/%s.py" % (src, name), cfile="%s/%s.pyc" % (out, name),
                       dfile="%s/%s.py" % (src, name), doraise=True)
PY

# median FILE: the middle value of one number per line.
median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "python: $python ($("$python" -V 2>&1)), pvm: $1, runs: $runs, median wall-clock seconds"
printf '%-12s %12s %12s %8s\n' benchmark python3.11 pvm ratio
failed=0
for name in "${programs[@]}"; do
    want=$("$python" "$here/$name.py" 2>&1) || true
    if ! got=$("$pvm" "$build/$name.pyc" 2>&1) || [ "$got" != "$want" ]; then
        printf '%-12s %12s\n' "$name" "MISMATCH: pvm output differs from python3.11 (not timed)"
        diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -n 10 | sed 's/^/    /' || true
        failed=1
        continue
    fi
    : >"$build/$name.py.times"
    : >"$build/$name.pvm.times"
    for _ in $(seq "$runs"); do
        "$python" "$here/timeit.py" "$python" "$here/$name.py" >>"$build/$name.py.times"
        "$python" "$here/timeit.py" "$pvm" "$build/$name.pyc" >>"$build/$name.pvm.times"
    done
    t_py=$(median "$build/$name.py.times")
    t_pvm=$(median "$build/$name.pvm.times")
    ratio=$(awk -v a="$t_pvm" -v b="$t_py" 'BEGIN { printf "%.2f", a / b }')
    printf '%-12s %12.3f %12.3f %8s\n' "$name" "$t_py" "$t_pvm" "$ratio"
done
exit "$failed"
