#!/usr/bin/env bash
# usage: kill9.sh RUSTSCOPE_DLL TARGET_DLL ITERATIONS  — kill -9 rustscope at random moments of a .NET target's start;
# counts targets that did not run to their end within 60 s (left suspended).
set -u
dll=$1; target=$2; n=$3; stuck=0; ended=0
work=$(mktemp -d)
for i in $(seq 1 "$n"); do
  mark="rsk9-$$-$i"
  delay=$(awk -v s="$RANDOM" 'BEGIN{srand(s); printf "%.2f", 0.05 + rand()*1.2}')
  ( cd "$work" && exec env RS_MARK="$mark" dotnet "$dll" run -o "$work/s.json" -- dotnet "$target" hot 0.3 >"$work/out.$i" 2>&1 ) &
  rs=$!
  sleep "$delay"; kill -9 "$rs" 2>/dev/null; wait "$rs" 2>/dev/null
  deadline=$((SECONDS + 60)); left=""
  while :; do
    left=$(grep -l "RS_MARK=$mark" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | tr '\n' ' ')
    [ -z "$left" ] && break
    [ $SECONDS -ge $deadline ] && break
    sleep 0.2
  done
  if [ -n "$left" ]; then stuck=$((stuck+1)); echo "iteration $i (delay $delay): still there: $left"; for p in $left; do ps -o pid,ppid,stat,etime,cmd -p "$p" | tail -n +2; kill -9 "$p" 2>/dev/null; done; else ended=$((ended+1)); fi
done
echo "delays 0.05-1.25 s, iterations $n: ended $ended, left suspended/running $stuck"
rm -rf "$work"
