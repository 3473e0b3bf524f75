#!/usr/bin/env bash
# Open-to-ready of the 1,000,000-sample page (src/Viewer/scripts/gen-big.mjs) for two builds of the viewer, opened in
# turn (A, B, A, B…) in headless Chromium so both see the same machine load. A is the page built from git revision
# BASE (default: main's merge base), B the working tree; with ORIGINS=1 B also opens the page whose stacks carry pid,
# tid and second and waiting stacks. Prints each run's `ready` (ms from navigation start, from the page's
# RUSTSCOPE-TIMINGS line) and the medians.
#
#   REPS=7 BASE=5a82111 bash benchmarks/Report/viewer-ab.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${REPS:-7}"
base="${BASE:-$(git -C "$root" merge-base HEAD main)}"
chromium="${RUSTSCOPE_CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

page() { # $1 viewer dir, $2 output, $3.. gen-big options
  local dir="$1" out="$2"; shift 2
  (cd "$dir" && node scripts/build.mjs && node scripts/gen-big.mjs --measure "$@" >/dev/null && mv /tmp/rustscope-big.html "$out")
}
mkdir -p "$work/a"
git -C "$root" archive "$base" src/Viewer | tar -x -C "$work/a"
ln -s "$root/src/Viewer/node_modules" "$work/a/src/Viewer/node_modules"
page "$work/a/src/Viewer" "$work/a.html"
page "$root/src/Viewer" "$work/b.html"
pages=(a b)
if [[ "${ORIGINS:-0}" == 1 ]]; then page "$root/src/Viewer" "$work/b-origins.html" --origins; pages+=(b-origins); fi

ready() { # $1 html; prints the page's ready time
  local log="$work/chromium.log"
  "$chromium" --headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 --user-data-dir="$work/profile" "file://$1" 2>"$log" &
  local pid=$!
  for _ in $(seq 600); do
    # The whole figure, not just the start of the line: the log may be flushed mid-line.
    if grep -q 'RUSTSCOPE-TIMINGS {"ready":[0-9]*,' "$log"; then break; fi
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -o 'RUSTSCOPE-TIMINGS {"ready":[0-9]*' "$log" | grep -o '[0-9]*$' || echo "no-timing"
}

echo "# benchmarks/Report/viewer-ab.sh, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# A: src/Viewer at $(git -C "$root" rev-parse --short "$base"); B: working tree at $(git -C "$root" rev-parse --short HEAD); $($chromium --version 2>/dev/null)"
declare -A all
for i in $(seq "$reps"); do
  for p in "${pages[@]}"; do
    t="$(ready "$work/$p.html")"
    all[$p]+="$t "
    echo "run $i $p: $t ms"
  done
done
for p in "${pages[@]}"; do
  echo "$p: median $(tr ' ' '\n' <<<"${all[$p]}" | grep -E '^[0-9]+$' | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}') ms of $reps (each: ${all[$p]% })"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
