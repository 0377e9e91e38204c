#!/usr/bin/env bash
# run_curses.sh — curses programs on a real terminal, under python3.11 and pvm.
#
#   tests/run_curses.sh PVM [FILTER]
#
# Each tests/curses/NAME.py runs in a detached tmux session of 80x24
# (TERM=xterm-256color, LANG=C.UTF-8), under python3.11 (PYTHON) and under
# pvm at the same time (two sessions).  The program calls cursestest.checkpoint() when its screen is
# ready; the harness then captures the screen with its attributes and
# colours (capture-pane -e) and sends line N of NAME.keys (tmux send-keys
# arguments; a line "!cmd args" runs the tmux command cmd on the session
# instead, e.g. "!resize-window -x 60 -y 20").  What python3.11 showed and
# logged is the expectation: every capture, the program's log and its exit
# status must be the same under pvm.  Nothing is typed by hand.
#
# Last line: "curses: N passed, M failed".  Exit 0 = all passed, 1 = failures,
# 2 = the suite could not run (no tmux, no python3.11).
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PVM [FILTER]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
pvm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
filter=${2:-}
python=${PYTHON:-/usr/bin/python3.11}
for tool in tmux "$python"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "curses: $tool not found" >&2
        exit 2
    fi
done

work=$(mktemp -d /tmp/pvm-curses.XXXXXX)
sock=pvm-curses-$$
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# wait_for FILE N: until FILE holds a count of at least N (10 s at most).
wait_for() {
    local i v
    for ((i = 0; i < 400; i++)); do
        v=$(cat "$1" 2>/dev/null)
        [ -n "$v" ] && [ "$v" -ge "$2" ] && return 0
        sleep 0.025
    done
    return 1
}

# capture SESSION OUT: the screen once two captures 50 ms apart agree.
capture() {
    local prev="" cur i
    for ((i = 0; i < 40; i++)); do
        cur=$(tmux -L "$sock" capture-pane -p -e -t "$1")
        [ "$cur" = "$prev" ] && break
        prev=$cur
        sleep 0.05
    done
    printf '%s\n' "$cur" >"$2"
}

# run_one NAME TAG INTERPRETER: the program's captures, log and status in $work/TAG/.
run_one() {
    local name=$1 tag=$2 interp=$3 out=$work/$2/$1 n=0 keys session=$2-$1
    mkdir -p "$work/$tag"
    tmux -L "$sock" new-session -d -x 80 -y 24 -s "$session" \
        "cd '$here/curses' && env TERM=xterm-256color LANG=C.UTF-8 LC_ALL= PYTHONDONTWRITEBYTECODE=1 '$interp' '$name.py' '$out.log' '$out.sync' 2>'$out.err'; echo \$? >'$out.rc'; sleep 60"
    while IFS= read -r keys || [ -n "$keys" ]; do
        n=$((n + 1))
        if ! wait_for "$out.sync" "$n"; then
            echo "checkpoint $n never came" >>"$out.log"
            break
        fi
        capture "$session" "$out.screen$n"
        if [[ $keys == !* ]]; then
            eval "tmux -L \"\$sock\" ${keys#!} -t \"\$session\""
        elif [ -n "$keys" ]; then
            eval "tmux -L \"\$sock\" send-keys -t \"\$session\" $keys"
        fi
    done <"$here/curses/$name.keys"
    local i
    for ((i = 0; i < 400; i++)); do [ -s "$out.rc" ] && break; sleep 0.025; done
    [ -s "$out.rc" ] || echo "did not end" >>"$out.log"
    tmux -L "$sock" kill-session -t "$session" 2>/dev/null
    rm -f "$out.sync"
}

passed=0 failed=0
for prog in "$here"/curses/*.py; do
    name=$(basename "$prog" .py)
    [ "$name" = cursestest ] && continue
    [ -n "$filter" ] && [[ $name != *$filter* ]] && continue
    run_one "$name" python "$python" &
    run_one "$name" pvm "$pvm"
    wait
    bad=""
    for f in "$work"/python/"$name".*; do
        base=$(basename "$f")
        [ "$base" = "$name.err" ] && continue
        if ! cmp -s "$f" "$work/pvm/$base"; then
            bad="$bad $base"
        fi
    done
    if grep -qs "never came\\|did not end" "$work/python/$name.log"; then
        failed=$((failed + 1))
        echo "FAIL $name: python3.11 did not reach every checkpoint"
        tail -3 "$work/python/$name.err" | sed 's/^/    stderr: /'
    elif [ -z "$bad" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name:$bad"
        for b in $bad; do
            diff "$work/python/$b" "$work/pvm/$b" | head -20 | sed 's/^/    /'
        done
        tail -3 "$work/pvm/$name.err" | sed 's/^/    stderr: /'

    fi
done
[ -n "${KEEP:-}" ] && cp -r "$work/." "$KEEP"
echo "curses: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
