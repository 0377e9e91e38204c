#!/usr/bin/env bash
# run_fuzz.sh FUZZER SECONDS — the fuzzing campaign behind `make fuzz`.
#
# Seeds: every golden program (tests/programs/**/*.py) compiled by
# python3.11, and the inputs kept in tests/fuzz/corpus.  New inputs that
# reach new code go to build/fuzz/corpus (kept between runs, not committed);
# findings to build/fuzz/findings/ (crash-*, timeout-*, oom-*, each a .pyc
# to run with ./pvm or the fuzzer).  libFuzzer's fork mode with one worker:
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
mkdir -p "$build/seeds" "$build/corpus" "$build/findings"

"$python" - "$root/tests/programs" "$build/seeds" <<'PY'
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
"$python" "$here/make_dict.py" "$build/pvm.dict"

before=$(ls "$build/findings" | wc -l)
# replace_intrin=0: Boehm clears and copies objects with memset/memcpy,
# which must not trip over the redzones runtime/gc.c poisons.
ASAN_OPTIONS=replace_intrin=0:detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1:abort_on_error=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
nice -n 19 "$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$build/pvm.dict" -close_fd_mask=3 -artifact_prefix="$build/findings/" \
    -print_final_stats=1 "$build/corpus" "$build/seeds" "$here/corpus" 2>&1 |
    grep -v '^#[0-9]' | tail -n 40
after=$(ls "$build/findings" | wc -l)
echo "fuzz: $seconds s, $((after - before)) new findings in build/fuzz/findings ($after in all)"
[ "$after" -eq 0 ]
