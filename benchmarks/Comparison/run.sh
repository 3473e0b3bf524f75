#!/usr/bin/env bash
# The whole `compare` command at scale (docs/statistics.md, "Performance"): a baseline and a head session of FUNCTIONS
# instrumented functions and BENCHMARKS benchmarks (default 10 000 each), 5 runs a side, judged by the real CLI with
# --markdown, --junit and --json, REPS times (default 5), and `check head.json --budget` with one glob budget over every
# benchmark, as often, with rustscope as its tool package ships it (Native AOT), interleaved with an anchor: CPython's
# json module loading the same two files (one core, no RustScope code). Prints wall, CPU and peak RSS (GNU time, from
# the kernel's rusage of the reaped process) with their medians, and compare's wall time as a ratio to the anchor's,
# which travels between machines better than seconds do; then the CPU of each phase of `compare` in
# one JIT-compiled process (CommandPhases.cs; where the time goes, with a second round to show what of the first was
# JIT and tiering), and keeps the log in benchmarks/results/.
#
#   REPS=5 FUNCTIONS=10000 BENCHMARKS=10000 bash benchmarks/Comparison/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${REPS:-5}" functions="${FUNCTIONS:-10000}" benchmarks="${BENCHMARKS:-10000}"
results="${RESULTS:-$root/benchmarks/results/compare-command-$(date -u +%Y%m%dT%H%M).txt}"
work="$(mktemp -d /tmp/rustscope-compare-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/benchmarks/Comparison" -c Release -nologo -v:q >/dev/null
# rustscope as its tool package ships it for this machine: compiled ahead of time (Native AOT) for the platform.
dotnet publish "$root/src/Cli" -c Release --use-current-runtime -nologo -v:q -o "$work/rustscope" >/dev/null
cli="$work/rustscope/rustscope" bench="$root/benchmarks/Comparison/bin/Release/net10.0/RustScope.Benchmarks.Comparison.dll"
dotnet "$bench" generate "$work" "$functions" "$benchmarks"
{
  echo "# benchmarks/Comparison/run.sh, $(date -u +%FT%TZ), $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $functions functions + $benchmarks benchmarks, 5 runs a side; base.json $(stat -c %s "$work/base.json") bytes, head.json $(stat -c %s "$work/head.json") bytes"
  once() { # NAME REP COMMAND...: one timed run of the command, appended to NAME's runs
    local name="$1" rep="$2"
    shift 2
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$name.stdout" 2>"$work/stderr"
    code=$?
    set -e
    read -r wall user sys rss <"$work/time"
    awk -v r="$rep" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v c="$code" 'BEGIN { printf "%d %.2f %.2f %.0f %d\n", r, w, u + s, m / 1024, c }' >>"$work/$name.reps"
  }
  median() { # NAME COLUMN: the median of a column of NAME's runs
    sort -n -k"$2" "$work/$1.reps" | awk -v k="$2" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'
  }
  summary() { # NAME: the runs and their medians
    local name="$1"
    echo "# $name: rep wall_s cpu_s (user+sys) peak_rss_mb exit"
    cat "$work/$name.reps"
    echo "$name median wall $(median "$name" 2) s, cpu $(median "$name" 3) s, peak rss $(median "$name" 4) MB"
    [[ -s "$work/$name.stdout" ]] && echo "# $name verdicts: $(head -1 "$work/$name.stdout")"
    return 0
  }
  printf 'version: 1\ntargets:\n  - name: bench\n    budgets:\n      benchmarks:\n        "App.*": { median: 1s }\n' >"$work/budget.yml"
  for rep in $(seq 1 "$reps"); do
    once anchor "$rep" python3 -c 'import json, sys; [json.load(open(path)) for path in sys.argv[1:]]' "$work/base.json" "$work/head.json"
    once compare "$rep" "$cli" compare "$work/base.json" "$work/head.json" --markdown "$work/r.md" --junit "$work/r.xml" --json "$work/r.json"
    once check "$rep" "$cli" check "$work/head.json" --budget "$work/budget.yml"
  done
  summary anchor
  summary compare
  summary check
  awk -v c="$(median compare 2)" -v a="$(median anchor 2)" 'BEGIN { printf "compare median wall / anchor median wall: %.2f\n", c / a }'
  echo "# compare's phases in one JIT-compiled process (CPU seconds; JIT, tiering and GC included where they fall):"
  # With the tiering and the GC the portable rustscope.dll sets in its runtimeconfig (src/Cli/RustScope.Cli.csproj).
  DOTNET_TieredPGO=0 DOTNET_TC_CallCountThreshold=5000 DOTNET_gcServer=1 DOTNET_gcConcurrent=0 dotnet "$bench" phases "$work/base.json" "$work/head.json" "$work" 2
} | tee "$results"
echo "log: $results"
