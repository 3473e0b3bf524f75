#!/usr/bin/env bash
# rustscope's own CPU use while it samples a sleeping tree of 1 and of 50 processes at 100 Hz, from its own
# /proc/PID/stat, over two 10 s windows: right after start (2-12 s) and in steady state (16-26 s).
# Function sampling (perf, EventPipe) is switched off: it is a separate cost, and perf's
# CPU would not show in rustscope's own stat anyway.
#
# The anchor, measured at the same time on the same tree: minimal_sampler.c, which only re-reads each process's open
# stat file and sleeps until the next tick. On a VM a wake-up is expensive (the anchor alone used 0.7 % of a core for
# one process here), so the ratio rustscope / anchor says what rustscope adds over the machine's floor.
#
# Results: the current table is in docs/cli.md ("rustscope run"); earlier runs are in
# benchmarks/results/process-sampling-*.txt.
#
# RUNS=N repeats each measurement and prints the medians as well (a machine busy with other work makes single runs
# noisy); RUSTSCOPE_CLI=path measures another build of the native rustscope (to compare before and after a change).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "${RUSTSCOPE_CLI:-}" ]]; then
  # rustscope as its tool package ships it for this machine: compiled ahead of time (Native AOT) for the platform.
  dotnet publish "$root/src/Cli" -c Release --use-current-runtime -nologo -v:q -o "$work/rustscope" >/dev/null
fi
cli="${RUSTSCOPE_CLI:-$work/rustscope/rustscope}"
gcc -O2 -o "$work/sleep_tree" "$root/benchmarks/ProcessSampling/sleep_tree.c"
gcc -O2 -o "$work/minimal_sampler" "$root/benchmarks/ProcessSampling/minimal_sampler.c"
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# Prints "<first 10 s %> <steady state %> <anchor's steady state %>" for one run.
measure_once() {
  local processes=$1
  "$cli" run --no-tui --sampling off --hz 100 -o "$work/s.json" \
    -- "$work/sleep_tree" "$processes" 28 >/dev/null 2>&1 &
  local pid=$!
  sleep 1
  local tree; tree=$(pgrep -P "$pid" sleep_tree)
  "$work/minimal_sampler" 100 26 "$tree" &
  local anchor=$!
  sleep 1
  local t2; t2=$(cpu_ticks "$pid")
  sleep 10
  local t12; t12=$(cpu_ticks "$pid")
  sleep 4
  local t16 a16; t16=$(cpu_ticks "$pid"); a16=$(cpu_ticks "$anchor")
  sleep 10
  local t26 a26; t26=$(cpu_ticks "$pid"); a26=$(cpu_ticks "$anchor")
  wait "$anchor"
  wait "$pid"
  awk -v first=$((t12 - t2)) -v steady=$((t26 - t16)) -v anchor=$((a26 - a16)) -v hz="$ticks_per_second" \
    'BEGIN { printf "%.2f %.2f %.2f\n", first / hz / 10 * 100, steady / hz / 10 * 100, anchor / hz / 10 * 100 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else printf "n/a" }'; }

measure() {
  local processes=$1 results=()
  for ((run = 1; run <= runs; run++)); do
    results+=("$(measure_once "$processes")")
    read -r first steady anchor <<<"${results[-1]}"
    printf "%3d process(es) at 100 Hz, run %d: rustscope uses %5.2f %% of one core in its first 10 s, %5.2f %% in steady state; anchor %5.2f %% (%s)\n" \
      "$processes" "$run" "$first" "$steady" "$anchor" "$(ratio "$steady" "$anchor")"
  done
  if ((runs > 1)); then
    local first steady anchor
    first=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
    steady=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
    anchor=$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)
    printf "%3d process(es) at 100 Hz, median of %d: %5.2f %% first 10 s, %5.2f %% steady state; anchor %5.2f %% (%s)\n" \
      "$processes" "$runs" "$first" "$steady" "$anchor" "$(ratio "$steady" "$anchor")"
  fi
}

measure 1
measure 50
