#!/usr/bin/env bash
# usage: fork-heavy.sh RUSTSCOPE_DLL [RUNS]  — runs fork-heavy trees under `rustscope run` and counts the runs that
# failed (exit other than 0, or no session written), and the processes left running afterwards.
set -u
dll=$1; runs=${2:-20}
work=$(mktemp -d)
for target in 'seq 3000 | xargs -P 8 -n 1 true' 'i=0; while [ $i -lt 300 ]; do sleep 0.4 & i=$((i+1)); done; wait'; do
  failed=0
  for i in $(seq 1 "$runs"); do
    rm -f "$work/s.json"
    if ! (cd "$work" && dotnet "$dll" run -q -o "$work/s.json" -- sh -c "$target" >/dev/null 2>"$work/err"); then failed=$((failed+1)); head -c 300 "$work/err"; echo
    elif [ ! -s "$work/s.json" ]; then failed=$((failed+1)); echo "no session"; fi
  done
  echo "$target: $runs runs, $failed failed"
done
rm -rf "$work"
