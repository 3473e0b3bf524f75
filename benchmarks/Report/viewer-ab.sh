#!/usr/bin/env bash
# Open-to-ready of the 1,000,000-sample page (src/Viewer/scripts/gen-big.mjs) for two builds of the viewer, opened in
# turn (A, B, then B, A, …; the page with origins last) in headless Chromium, a few seconds apart so one browser's
# exit does not weigh on the next, and both see the same machine load. A is the page built from git revision
# BASE (default: main's merge base), B the working tree; with ORIGINS=1 B also opens the page whose stacks carry pid,
# tid and second and waiting stacks. Prints each run's `ready` (ms from navigation start, from the page's
# RUSTSCOPE-TIMINGS line) and `render` (ready minus decoded: building the call trees, insights and the first draw,
# the part the viewer's code decides; decoding is the browser's gunzip and JSON.parse), and their medians.
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

ready() { # $1 html; prints the page's ready time and render time
  # A log per run and a process group per browser: a renderer that outlives its browser must neither write into the
  # next run's log nor share its CPU.
  local log
  log="$(mktemp -p "$work")"
  setsid "$chromium" --headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 --user-data-dir="$work/profile" "file://$1" 2>"$log" &
  local pid=$!
  for _ in $(seq 600); do
    # The whole figure, not just the start of the line: the log may be flushed mid-line.
    if grep -q 'RUSTSCOPE-TIMINGS {"ready":[0-9]*,"marks":{"rustscope-decoded":[0-9]*,' "$log"; then break; fi
    sleep 0.2
  done
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while kill -0 -- -"$pid" 2>/dev/null; do sleep 0.2; done
  sleep 2
  grep -o 'RUSTSCOPE-TIMINGS {"ready":[0-9]*,"marks":{"rustscope-decoded":[0-9]*' "$log" | tr -dc '0-9,\n' | awk -F, '{print $1, $1 - $2}' || true
}

echo "# benchmarks/Report/viewer-ab.sh, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# A: src/Viewer at $(git -C "$root" rev-parse --short "$base"); B: working tree at $(git -C "$root" rev-parse --short HEAD); $($chromium --version 2>/dev/null)"
median() { tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
declare -A ready render
for i in $(seq "$reps"); do
  order=("${pages[@]}")
  if (( i % 2 == 0 )); then order=(b a "${pages[@]:2}"); fi
  for p in "${order[@]}"; do
    read -r r d <<<"$(ready "$work/$p.html")"
    ready[$p]+="${r:-x} "
    render[$p]+="${d:-x} "
    echo "run $i $p: ready ${r:-no timing} ms, render ${d:-?} ms"
  done
done
for p in "${pages[@]}"; do
  echo "$p: ready median $(median <<<"${ready[$p]}") ms, render median $(median <<<"${render[$p]}") ms of $reps (ready each: ${ready[$p]% })"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
