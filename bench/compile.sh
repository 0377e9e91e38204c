#!/usr/bin/env bash
# compile.sh — what compiling source costs pvm (its compile service, a
# python3.11 co-process) next to python3.11's own compile(); and pvm's
# start-up when nothing is compiled.
#
#   bench/compile.sh [PVM [BASE_PVM]]     (default ./pvm)
#
# BASE_PVM: a pvm built without the compile service, to show that
# `pvm hello.pyc` starts as fast as before (hyperfine -N, when installed).
# Writes the Markdown report to stdout; bench/results/compile.md is one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3.11}
pvm=${1:-./pvm}
export PVM_COMPILER=${PVM_COMPILER:-$(command -v "$python")}
exec "$python" "$here/tools/compile_cost.py" "$pvm" ${2:+"$2"}
