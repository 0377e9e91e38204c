#!/usr/bin/env bash
# run_fuzz.sh FUZZER SECONDS — the fuzzing campaign behind `make fuzz`.
#
# One campaign per bytecode version, SECONDS shared among them: 3.11 and,
# when they are there, PYTHON312, PYTHON313 and PYTHON314 (`make fuzz`
# passes the Makefile's); FUZZ_VERSIONS="3.13" fuzzes only the versions
# named.  Seeds: every golden program (tests/programs/**/*.py) compiled by
# that python, and the inputs kept in tests/fuzz/corpus.  New inputs that
# reach new code go to build/fuzz/corpus-3.1x (kept between runs, not
# committed); findings to build/fuzz/findings/ (crash-*, timeout-*, oom-*,
# each a .pyc to run with ./pvm or the fuzzer, PVM_FUZZ_PYTHON=3.1x for
# the newer versions); libFuzzer's whole output to build/fuzz/fuzz-3.1x.log.
# libFuzzer's fork mode with one worker:
# the campaign goes on after a finding, at the lowest priority (nice 19),
# for SECONDS seconds.  Prints the findings at the end; exit status 1 if
# there are any.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 FUZZER SECONDS" >&2
    exit 2
fi
fuzzer=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
build=$root/build/fuzz
python=${PYTHON:-/usr/bin/python3.11}
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' ||
    { echo "run_fuzz: $python is not python3.11" >&2; exit 2; }
mkdir -p "$build/findings"

# compile_seeds PYTHON DIR: the golden programs compiled by PYTHON into DIR
# (once: a directory already filled is kept, python3.14 takes minutes).
compile_seeds() {
    [ -n "$(ls "$2" 2>/dev/null)" ] && return
    mkdir -p "$2"
    cat > "$build/compile_seeds.py" <<'PY'
import os, py_compile, sys
src, out = sys.argv[1], sys.argv[2]
for d, _, files in os.walk(src):
    for f in files:
        if f.endswith(".py"):
            name = os.path.relpath(os.path.join(d, f), src).replace("/", "_")[:-3]
            try:
                py_compile.compile(os.path.join(d, f), cfile=os.path.join(out, name + ".pyc"),
                                   doraise=True)
            except py_compile.PyCompileError:
                pass
PY
    "$1" "$build/compile_seeds.py" "$root/tests/programs" "$2" >/dev/null 2>&1 ||
        echo "run_fuzz: $1 could not compile the seeds" >&2
}

# One campaign per version asked for (a process runs one version's
# bytecode: fuzz_pvm.c, PVM_FUZZ_PYTHON), each SECONDS / N long, with that
# version's seeds, dictionary and corpus (build/fuzz/corpus-3.1x).
versions=()
for v in ${FUZZ_VERSIONS:-3.11 3.12 3.13 3.14}; do
    case $v in
        3.11) py=$python ;;
        3.12) py=${PYTHON312:-} ;;
        3.13) py=${PYTHON313:-} ;;
        3.14) py=${PYTHON314:-} ;;
        *) echo "run_fuzz: no bytecode $v" >&2; exit 2 ;;
    esac
    if [ -z "$py" ]; then
        echo "run_fuzz: no python$v, its campaign left out" >&2
        continue
    fi
    compile_seeds "$py" "$build/seeds-$v"
    "$py" "$here/make_dict.py" "$build/dict-$v" ||
        { echo "run_fuzz: python$v could not write the dictionary" >&2; exit 2; }
    versions+=("$v")
done
[ ${#versions[@]} -gt 0 ] || { echo "run_fuzz: no version to fuzz" >&2; exit 2; }
each=$((seconds / ${#versions[@]}))

before=$(ls "$build/findings" | wc -l)
for v in "${versions[@]}"; do
    mkdir -p "$build/corpus-$v"
    echo "== Python $v bytecode, $each s"
    # replace_intrin=0: Boehm clears and copies objects with memset/memcpy,
    # which must not trip over the redzones runtime/gc.c poisons.
    PVM_FUZZ_PYTHON=$v \
    ASAN_OPTIONS=replace_intrin=0:detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice -n 19 "$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$each" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$build/dict-$v" -close_fd_mask=3 -artifact_prefix="$build/findings/" \
        -print_final_stats=1 "$build/corpus-$v" "$build/seeds-$v" "$here/corpus" \
        > "$build/fuzz-$v.log" 2>&1
    grep -v '^#[0-9]' "$build/fuzz-$v.log" | grep -v NEW_FUNC | tail -n 20
    # libFuzzer's last status line: executions (#N), edges covered (cov),
    # features (ft), inputs in the corpus (corp), and the crash counts.
    grep '^#[0-9]' "$build/fuzz-$v.log" | tail -n 1
done
after=$(ls "$build/findings" | wc -l)
echo "fuzz: $seconds s (${versions[*]}), $((after - before)) new findings in build/fuzz/findings ($after in all)"
[ "$after" -eq 0 ]
