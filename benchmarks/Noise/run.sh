#!/usr/bin/env bash
# Noise on this machine, with and without each --isolate measure: `rustscope calibrate` (A/A, interleaved like ab)
# on a .NET target (examples/Quickstart) and a native one (xz -9), quiet and beside two CPU burners, REPS times each.
# Prints the table docs/statistics.md quotes (medians over the repetitions) and keeps every calibration and log in
# benchmarks/results/noise/. Usage: [REPS=3] [RUNS=10] benchmarks/Noise/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
reps="${REPS:-3}" runs="${RUNS:-10}"
out="$root/benchmarks/results/noise"
work="$(mktemp -d)"
burners=()
cleanup() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
dotnet build "$root/examples/Quickstart" -c Release -nologo -v:q >/dev/null
rustscope=(dotnet "$root/src/Cli/bin/Release/net10.0/rustscope.dll")
app="$root/examples/Quickstart/bin/Release/net10.0/Quickstart.dll"
# A fixed text, so every run compresses the same bytes.
python3 -c "
import random
r = random.Random(42)
words = ['alpha', 'beta', 'gamma', 'delta', 'noise', 'runner', 'calibrate', 'metric', 'spread', 'kernel']
print(' '.join(r.choice(words) + str(r.randint(0, 999)) for _ in range(60000)))" > "$work/input.txt"
last_cpu=$(( $(nproc) - 1 ))

# name | rustscope options | command
configs=(
  "dotnet-none||dotnet $app 40"
  "dotnet-pin||taskset -c $last_cpu dotnet $app 40"
  "dotnet-pgo0||env DOTNET_TieredPGO=0 dotnet $app 40"
  "dotnet-tc0||env DOTNET_TieredCompilation=0 dotnet $app 40"
  "dotnet-warmup3|--warmup-runs 3|dotnet $app 40"
  "dotnet-isolate|--isolate-cpus $last_cpu|dotnet $app 40"
  "xz-none||xz -9 -c $work/input.txt"
  "xz-pin||taskset -c $last_cpu xz -9 -c $work/input.txt"
  "xz-warmup3|--warmup-runs 3|xz -9 -c $work/input.txt"
)

mkdir -p "$out"
for load in quiet burners; do
  if [[ $load == burners ]]; then
    for _ in 1 2; do yes > /dev/null & burners+=($!); done
  fi
  for rep in $(seq 1 "$reps"); do
    for config in "${configs[@]}"; do
      IFS='|' read -r name options command <<< "$config"
      file="$out/$load-$name-$rep"
      echo "==> $load $name (repetition $rep of $reps, load $(cut -d' ' -f1 /proc/loadavg))" >&2
      # shellcheck disable=SC2086 # options and command are word lists
      # The log keeps rustscope's lines, not the compressed bytes xz writes to stdout.
      (cd "$work" && "${rustscope[@]}" calibrate --runs "$runs" $options -o "$file.json" -- $command) 2>&1 \
        | LC_ALL=C grep -a -E '^(rustscope|metric |wall_time|peak_rss|cpu_time|Workload|Quickstart|[A-Za-z]+: A/A noise)' > "$file.log" \
        || echo "    failed: see $file.log" >&2
    done
  done
done
python3 "$root/benchmarks/Noise/summarize.py" "$out"
