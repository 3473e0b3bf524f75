#!/usr/bin/env bash
# How often `rustscope ab` finds a real slowdown, and how many runs it takes: fixed 10 runs a side against
# --runs auto (at most MAX_RUNS, default 30), on three real targets (a .NET program, a python script, xz), with the machine as it is
# ("quiet") and with two CPU burners beside it. Detection is the gate failing (exit 1); for shift 0 (A/A) that is a
# false alarm. A nominal shift is made real: each target's fixed cost (start-up, JIT, reading input) does not grow with
# its workload, so the script first measures the share of CPU seconds that does (runs at workload 1 and 2) and scales
# the head's workload by 1 + shift / share. Prints one Markdown table; the raw lines and the machine's load go to
# benchmarks/results/.
#
#   REPS=5 SHIFTS="0 0.05 0.10 0.20" LOADS="quiet burners" MAX_RUNS=30 bash benchmarks/Gate/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${REPS:-3}"
read -r -a shifts <<<"${SHIFTS:-0 0.10 0.20}"
read -r -a loads <<<"${LOADS:-quiet burners}"
read -r -a targets <<<"${TARGETS:-dotnet python xz}"
read -r -a policies <<<"${POLICIES:-fixed auto}"
max_runs="${MAX_RUNS:-30}"
results="$root/benchmarks/results/gate-detection-$(date -u +%Y%m%dT%H%M).txt"

dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
dotnet build "$root/examples/Quickstart" -c Release -nologo -v:q >/dev/null
cli="$root/src/Cli/bin/Release/net10.0/rustscope.dll"
app="$root/examples/Quickstart/bin/Release/net10.0/Quickstart.dll"
work="$(mktemp -d)"
burners=()
cleanup() { ((${#burners[@]})) && kill "${burners[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# xz's work grows with its input: one file per size, cut from the same text.
head -c 3000000 /dev/urandom | base64 -w 100 >"$work/text"

# side TARGET FACTOR: the command as --X-arg pairs (filled into the array named by $3).
side() {
  local target=$1 factor=$2 flag=$3
  local -n out=$4
  case "$target" in
    dotnet) out=("$flag" dotnet "$flag" "$app" "$flag" 20 "$flag=--slowdown" "$flag" "$factor") ;;
    python) out=("$flag" python3 "$flag=-c" "$flag" "sum(i * i for i in range(int(1.5e6 * $factor)))") ;;
    xz)
      local size
      size=$(python3 -c "print(int(800000 * $factor))")
      [[ -f "$work/in.$size" ]] || head -c "$size" "$work/text" >"$work/in.$size"
      out=("$flag" xz "$flag=-6" "$flag=-T1" "$flag=-c" "$flag" "$work/in.$size") ;;
  esac
}

# median_cpu TARGET FACTOR: the median CPU seconds of 5 runs (after one warm-up) at that workload.
median_cpu() {
  local cmd=()
  side "$1" "$2" "" cmd
  local plain=()
  for arg in "${cmd[@]}"; do [[ -n "$arg" ]] && plain+=("${arg#=}"); done
  dotnet "$cli" run --runs 5 --sampling off -q -o "$work/calibrate.json" -- "${plain[@]}" >/dev/null
  python3 -c "import json,statistics; print(statistics.median(r['cpu_s'] for r in json.load(open('$work/calibrate.json'))['runs']))"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; reps=$reps shifts=${shifts[*]} loads=${loads[*]} max-runs=$max_runs" | tee "$results"
declare -A share
for target in "${targets[@]}"; do
  one=$(median_cpu "$target" 1)
  two=$(median_cpu "$target" 2)
  share[$target]=$(python3 -c "print(min(1.0, max(0.05, ($two - $one) / $one)))")
  echo "# $target: cpu ${one} s at workload 1, ${two} s at 2; share that scales ${share[$target]}" | tee -a "$results"
done
echo "# target load shift policy exit runs loadavg cpu_time_change" | tee -a "$results"
# Every repetition covers every cell, so a log cut short still compares like with like.
for rep in $(seq "$reps"); do
  for load in "${loads[@]}"; do
    if [[ "$load" == burners ]]; then
      for _ in 1 2; do yes >/dev/null & burners+=($!); done
    fi
    for target in "${targets[@]}"; do
      for shift in "${shifts[@]}"; do
        for policy in "${policies[@]}"; do
          base=() head=()
          side "$target" 1 --base-arg base
          side "$target" "$(python3 -c "print(1 + $shift / ${share[$target]})")" --head-arg head
          runs=(--runs 10)
          [[ "$policy" == auto ]] && runs=(--runs auto --max-runs "$max_runs")
          set +e
          dotnet "$cli" ab "${base[@]}" "${head[@]}" "${runs[@]}" --warmup-runs 1 -o "$work" --json "$work/c.json" >/dev/null 2>"$work/err"
          code=$?
          set -e
          used=$(python3 -c "import json; print(len(json.load(open('$work/rustscope-head.json'))['runs']))" 2>/dev/null || echo 0)
          # The change the process really saw: startup and fixed work do not scale with the workload.
          cpu=$(python3 -c "import json; m=[m for t in json.load(open('$work/c.json'))['targets'] for m in t['metrics'] if m['metric']=='cpu_time' and 'subject' not in m]; print(m[0].get('change'))" 2>/dev/null || echo nan)
          [[ $code -ne 0 && $code -ne 1 ]] && cp "$work/err" "$results.error-$target-$load-$shift-$policy-$rep.txt"
          echo "$target $load $shift $policy $code $used $(cut -d' ' -f1 /proc/loadavg) $cpu" | tee -a "$results"
        done
      done
    done
    ((${#burners[@]})) && kill "${burners[@]}" 2>/dev/null
    burners=()
  done
done

python3 - "$results" <<'PY'
import sys, collections
cells = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if line.startswith('#'): continue
    target, load, shift, policy, code, runs, loadavg, *cpu = line.split()
    cells[(target, load, float(shift), policy)].append((int(code), int(runs), float(loadavg), float(cpu[0]) if cpu and cpu[0] not in ('None', 'nan') else None))
print()
print('| target | machine | change | policy | gate failed | mean runs a side | mean load | measured cpu_time change |')
print('|---|---|---|---|---|---|---|---|')
for (target, load, shift, policy), rows in sorted(cells.items()):
    failed = sum(1 for c, *_ in rows if c == 1)
    errors = sum(1 for c, *_ in rows if c not in (0, 1))
    label = 'A/A' if shift == 0 else f'+{shift:.0%}'
    note = f' ({errors} errors)' if errors else ''
    changes = [c for *_, c in rows if c is not None]
    measured = f'{sum(changes) / len(changes):+.1%}' if changes else '–'
    print(f'| {target} | {load} | {label} | {policy} | {failed}/{len(rows)}{note} | {sum(r for _, r, _, _ in rows) / len(rows):.1f} | {sum(l for _, _, l, _ in rows) / len(rows):.1f} | {measured} |')
PY
