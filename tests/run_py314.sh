#!/usr/bin/env bash
# run_py314.sh — CPython 3.14, the oracle for 3.14 .pyc files
# (tools/python314: pyodide in node, installed by `make deps`).
#
#   tests/run_py314.sh PVM PYTHON314
#
# What this checks (the golden programs under 3.14 are tests/golden.py's):
#   - the oracle: programs whose output is the same in every version print
#     under python3.14 exactly what they print under python3.11 (PYTHON);
#   - its compiler: `python3.14 -m py_compile` writes a .pyc with 3.14's magic;
#   - pvm runs that .pyc, printing what python3.11 prints for its source.
# Prints "py314: N passed, M failed".
set -uo pipefail
pvm=$1
py314=$2
python=${PYTHON:-$(command -v /usr/bin/python3.11 || echo python3.11)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "py314: FAIL $1"; failed=$((failed + 1)); }

programs="basics/hello.py basics/bool_logic.py basics/conditionals.py
          closures/counter.py comprehensions/list_comp.py"
jobs=$work/jobs.jsonl
for p in $programs; do
    [ -f "$here/programs/$p" ] || continue
    cp "$here/programs/$p" "$work/$(basename "$p")"
    printf '{"argv": ["%s"], "cwd": "%s"}\n' "$work/$(basename "$p")" "$work" >>"$jobs"
done
cp "$here/programs/basics/hello.py" "$work/compiled.py"
printf '{"argv": ["-m", "py_compile", "%s"], "cwd": "%s"}\n' "$work/compiled.py" "$work" >>"$jobs"

# One interpreter for every run: loading pyodide takes seconds.
if ! "$py314" --batch <"$jobs" >"$work/results.jsonl"; then
    bad "python3.14 --batch did not finish"
fi
"$python" - "$work" "$jobs" "$work/results.jsonl" <<'PY' >"$work/verdicts"
import json, subprocess, sys
work, jobs, results = sys.argv[1:]
jobs = [json.loads(l) for l in open(jobs)]
results = [json.loads(l) for l in open(results)]
for job, got in zip(jobs, results):
    if job["argv"][0] == "-m":
        print("ok" if got["status"] == 0 else "bad py_compile: status %d %s" % (got["status"], got["stderr"]))
        continue
    want = subprocess.run([sys.executable, job["argv"][0]], cwd=work, capture_output=True, text=True)
    same = (got["status"], got["stdout"]) == (want.returncode, want.stdout)
    print("ok" if same else "bad %s: python3.14 printed %r" % (job["argv"][0], got["stdout"][:200]))
if len(results) != len(jobs):
    print("bad python3.14 answered %d of %d runs" % (len(results), len(jobs)))
PY
while read -r verdict rest; do
    if [ "$verdict" = ok ]; then ok; else bad "$rest"; fi
done <"$work/verdicts"

pyc=$work/__pycache__/compiled.cpython-314.pyc
if [ -f "$pyc" ] && [ "$(od -An -tx1 -N4 "$pyc" | tr -d ' ')" = "2b0e0d0a" ]; then ok; else bad "no 3.14 .pyc (magic 3627) from py_compile"; fi
msg=$("$pvm" "$pyc" 2>&1)
if [ "$msg" = "$("$python" "$work/compiled.py" 2>&1)" ]; then ok; else bad "pvm on a 3.14 .pyc said: $msg"; fi
echo "py314: $passed passed, $failed failed"
