#!/usr/bin/env bash
# rustscope's own CPU use while it samples a sleeping tree of 1 and of 50 processes at 100 Hz, from its own
# /proc/PID/stat, over two 10 s windows: right after start (2-12 s, while tiered JIT still re-compiles hot BCL code)
# and in steady state (16-26 s). Function sampling (perf, EventPipe) is switched off: it is a separate cost, and perf's
# CPU would not show in rustscope's own stat anyway.
#
# RUNS=N repeats each measurement and prints the median as well (a machine busy with other work makes single runs
# noisy); RUSTSCOPE_DLL=path measures another build of rustscope.dll (to compare before and after a change).
#
# Measured on 2 cores shared with other builds and tests (load average 20-50), before and after the sampler stopped
# allocating in discovery (open task/*/children files re-read, LiveStatus a struct), runs interleaved, medians of 3,
# % of one core in the first 10 s / in steady state:
#                  1 process     50 processes
#   before         3.0 / 0.9     6.3 / 4.9
#   after          1.5 / 1.2     6.0 / 4.9
# The start-up cost halved; steady state did not change measurably on that machine (1.1-1.3 against 0.8-1.0 for one
# process, within what the load moved between runs): its cost is the 100 wake-ups and stat reads a second.
# On the quiet VM afterwards (load average about 1), medians of 3, this build / the build before the change:
#                  1 process     50 processes
#   after          1.6 / 1.3     7.4 / 5.5
#   before         1.5 / 1.4     7.4 / 5.3
# perf (cpu-clock, 10 s, one process) puts a quarter of the cost in the pread of /proc files and another quarter in
# the sleep's futex wake-ups and context switches; replacing Thread.Sleep by clock_nanosleep gained nothing measurable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "${RUSTSCOPE_DLL:-}" ]]; then
  dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
fi
dll="${RUSTSCOPE_DLL:-$root/src/Cli/bin/Release/net10.0/rustscope.dll}"
gcc -O2 -o "$work/sleep_tree" "$root/benchmarks/ProcessSampling/sleep_tree.c"
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# Prints "<first 10 s %> <steady state %>" for one run.
measure_once() {
  local processes=$1
  dotnet "$dll" run --no-tui --sampling off --hz 100 -o "$work/s.json" \
    -- "$work/sleep_tree" "$processes" 28 >/dev/null 2>&1 &
  local pid=$!
  sleep 2
  local t2; t2=$(cpu_ticks "$pid")
  sleep 10
  local t12; t12=$(cpu_ticks "$pid")
  sleep 4
  local t16; t16=$(cpu_ticks "$pid")
  sleep 10
  local t26; t26=$(cpu_ticks "$pid")
  wait "$pid"
  awk -v first=$((t12 - t2)) -v steady=$((t26 - t16)) -v hz="$ticks_per_second" \
    'BEGIN { printf "%.2f %.2f\n", first / hz / 10 * 100, steady / hz / 10 * 100 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {
  local processes=$1 results=()
  for ((run = 1; run <= runs; run++)); do
    results+=("$(measure_once "$processes")")
    printf "%3d process(es) at 100 Hz, run %d: rustscope uses %5.2f %% of one core in its first 10 s, %5.2f %% in steady state\n" \
      "$processes" "$run" ${results[-1]}
  done
  if ((runs > 1)); then
    printf "%3d process(es) at 100 Hz, median of %d: %5.2f %% first 10 s, %5.2f %% steady state\n" "$processes" "$runs" \
      "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)"
  fi
}

measure 1
measure 50
