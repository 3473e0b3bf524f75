#!/usr/bin/env bash
# The whole `compare` command at scale (docs/statistics.md, "Performance"): a baseline and a head session of FUNCTIONS
# instrumented functions and BENCHMARKS benchmarks (default 10 000 each), 5 runs a side, judged by the real CLI with
# --markdown, --junit and --json, REPS times (default 5). Prints wall, CPU and peak RSS (GNU time, from the kernel's
# rusage of the reaped process) with their medians, and keeps the log in benchmarks/results/.
#
#   REPS=5 FUNCTIONS=10000 BENCHMARKS=10000 bash benchmarks/Comparison/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${REPS:-5}" functions="${FUNCTIONS:-10000}" benchmarks="${BENCHMARKS:-10000}"
results="$root/benchmarks/results/compare-command-$(date -u +%Y%m%dT%H%M).txt"
work="$(mktemp -d /tmp/rustscope-compare-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/benchmarks/Comparison" -c Release -nologo -v:q >/dev/null
dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
dotnet "$root/benchmarks/Comparison/bin/Release/net10.0/RustScope.Benchmarks.Comparison.dll" generate "$work" "$functions" "$benchmarks"
{
  echo "# benchmarks/Comparison/run.sh, $(date -u +%FT%TZ), $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $functions functions + $benchmarks benchmarks, 5 runs a side; base.json $(stat -c %s "$work/base.json") bytes, head.json $(stat -c %s "$work/head.json") bytes"
  echo "# rep wall_s cpu_s (user+sys) peak_rss_mb exit"
  for rep in $(seq 1 "$reps"); do
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$root/src/Cli/bin/Release/net10.0/rustscope.dll" compare \
      "$work/base.json" "$work/head.json" --markdown "$work/r.md" --junit "$work/r.xml" --json "$work/r.json" >"$work/stdout" 2>"$work/stderr"
    code=$?
    set -e
    read -r wall user sys rss <"$work/time"
    awk -v r="$rep" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v c="$code" 'BEGIN { printf "%d %.2f %.2f %.0f %d\n", r, w, u + s, m / 1024, c }'
  done | tee "$work/reps"
  sort -n -k2 "$work/reps" | awk '{ w[NR] = $2 } END { printf "median wall %.2f s\n", w[int((NR + 1) / 2)] }'
  sort -n -k3 "$work/reps" | awk '{ c[NR] = $3 } END { printf "median cpu  %.2f s\n", c[int((NR + 1) / 2)] }'
  sort -n -k4 "$work/reps" | awk '{ m[NR] = $4 } END { printf "median peak rss %.0f MB\n", m[int((NR + 1) / 2)] }'
  echo "# verdicts: $(head -1 "$work/stdout")"
} | tee "$results"
echo "log: $results"
