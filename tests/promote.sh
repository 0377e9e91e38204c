#!/usr/bin/env bash
# promote.sh — move the programs of tests/pending/ that now pass under PVM
# into tests/programs/ (same group/name), so that `make check` runs them.
#
#   tests/promote.sh PVM [FILTER]
#
# A pending program that fails stays where it is.  A name that already
# exists in tests/programs/ is reported and left alone.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 PVM [FILTER]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$("$here/run_golden.sh" "$@" --dir "$here/pending" 2>&1 || true)
failing=$(printf '%s\n' "$out" | sed -nE 's/^FAIL ([^:]+):.*/\1/p' | sort -u)
moved=0
while IFS= read -r src; do
    rel=${src#"$here/pending/"}
    case "$rel" in README.md|*/README.md) continue ;; esac
    if grep -qxF "$rel" <<< "$failing"; then
        continue
    fi
    dest="$here/programs/$rel"
    if [ -e "$dest" ]; then
        echo "promote: $rel already exists in tests/programs, left in pending"
        continue
    fi
    mkdir -p "$(dirname "$dest")"
    git -C "$here/.." mv "$src" "$dest" 2>/dev/null || mv "$src" "$dest"
    moved=$((moved + 1))
done < <(find "$here/pending" -name '*.py' -type f | sort)
echo "promote: $moved moved, $(printf '%s\n' "$failing" | grep -c .) still failing"
