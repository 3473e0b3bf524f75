#!/usr/bin/env bash
# Sampling overhead and analysis speed, all measured in this run:
#  1. a fixed CPU-bound .NET workload (examples/Quickstart, fixed rounds) plain, under `rustscope run` with
#     sampling on (the default) and off, and under `dotnet-trace collect` (its default profile; once more with
#     RUSTSCOPE_SESSION_OUT set, so Quickstart flushes its [Profile] data at exit as under rustscope), interleaved,
#     median of RUNS each. Two figures per variant: the workload's own time (the loop, as Quickstart reports it:
#     how much the profiler perturbs the target) and the wall time of the whole command (start-up, the
#     profiler's stop and analysis included). Slowdowns are ratios to plain.
#  2. the time rustscope needs after a 60 s .NET target ended (stop, trace conversion, analysis, write),
#     which must stay below the 60 s of the trace itself.
#  3. the profiler's own CPU (the CPU of the tree os.wait4 reaps, less the target's own as it prints it) beside the
#     target's slowdown, for rustscope and dotnet-trace on a JSON/Regex workload, interleaved; and `dotnet build` of a
#     generated 4-project solution alone and under `rustscope run` (tool_cpu.py). SKIP_QUICKSTART=1 runs only this.
# rustscope is measured as its tool package ships it (Native AOT, published for this machine's platform).
# Results: the current table is in docs/sampling.md ("Cost"); earlier runs are in
# benchmarks/results/sampling-cost-*.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
rounds="${ROUNDS:-1000}"
json_rounds="${JSON_ROUNDS:-30000}"
build_runs="${BUILD_RUNS:-3}"
long_seconds="${LONG_SECONDS:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# rustscope as its tool package ships it for this machine: compiled ahead of time (Native AOT) for the platform.
dotnet publish "$root/src/Cli" -c Release --use-current-runtime -nologo -v:q -nodeReuse:false -o "$work/rustscope" >/dev/null
dotnet build "$root/examples/Quickstart" -c Release -nologo -v:q -nodeReuse:false >/dev/null
dotnet build "$root/tests/fixtures/SamplingTarget" -c Release -nologo -v:q -nodeReuse:false >/dev/null
dotnet build "$here/JsonRegex" -c Release -nologo -v:q -nodeReuse:false >/dev/null
# `dotnet tool run` takes the first `--` for itself, hence `dotnet-trace -- collect ... -- command`.
(cd "$here" && dotnet tool restore >/dev/null)

rustscope="$work/rustscope/rustscope"
dotnet_trace_dll=$("$here/dotnet-trace-dll.sh")
quickstart="$root/examples/Quickstart/bin/Release/net10.0/Quickstart.dll"
target="$root/tests/fixtures/SamplingTarget/bin/Release/net10.0/SamplingTarget.dll"

now_ms() { date +%s%3N; }

# "wall_ms workload_ms" of one command: its wall time, and the loop time Quickstart prints.
measure() {
  local start; start=$(now_ms)
  "$@" >"$work/out.txt" 2>&1
  local wall=$(( $(now_ms) - start ))
  local loop; loop=$(sed -n 's/^Quickstart: \([0-9.]*\) s.*/\1/p' "$work/out.txt")
  [[ -n "$loop" ]] || { echo "no Quickstart line from: $*" >&2; cat "$work/out.txt" >&2; exit 1; }
  awk -v w="$wall" -v l="$loop" 'BEGIN { printf "%d %.0f\n", w, l * 1000 }'
}

plain() { dotnet "$quickstart" "$rounds"; }
under_rustscope() { "$rustscope" run --no-tui -o "$work/rustscope.json" -- dotnet "$quickstart" "$rounds"; }
under_rustscope_proc_only() { "$rustscope" run --no-tui --sampling off -o "$work/proc.json" -- dotnet "$quickstart" "$rounds"; }
under_dotnet_trace() { (cd "$here" && dotnet tool run dotnet-trace -- collect --show-child-io -o "$work/trace.nettrace" -- dotnet "$quickstart" "$rounds"); }
# The same, with Quickstart flushing its [Profile] data at exit as it does under rustscope: the same work in the target.
under_dotnet_trace_with_flush() { RUSTSCOPE_SESSION_OUT="$work/flush.json" under_dotnet_trace; }

if [[ "${SKIP_QUICKSTART:-0}" == 1 ]]; then
  python3 "$here/tool_cpu.py" "$work" "$rustscope" "$dotnet_trace_dll" "$here/JsonRegex/bin/Release/net10.0/JsonRegex.dll" "$json_rounds" "$runs" "$build_runs"
  exit 0
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

variants=(plain under_rustscope under_rustscope_proc_only under_dotnet_trace under_dotnet_trace_with_flush)
labels=("plain" "rustscope run" "rustscope run --sampling off" "dotnet-trace collect" "dotnet-trace + [Profile] flush")
plain >/dev/null # warm the disk cache and the runtime's files
for ((i = 1; i <= runs; i++)); do
  for variant in "${variants[@]}"; do
    measure "$variant" >>"$work/$variant.txt"
  done
done

median_of() { cut -d' ' -f"$2" "$work/$1.txt" | median; }
plain_wall=$(median_of plain 1)
plain_loop=$(median_of plain 2)
functions=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s['functions']))" "$work/rustscope.json")
printf 'Quickstart %d rounds, median of %d interleaved runs (rustscope with sampling found %d functions):\n' "$rounds" "$runs" "$functions"
printf '  %-30s %10s %9s %10s %9s\n' "" "workload" "slowdown" "wall" "slowdown"
for index in "${!variants[@]}"; do
  loop=$(median_of "${variants[$index]}" 2)
  wall=$(median_of "${variants[$index]}" 1)
  awk -v label="${labels[$index]}" -v l="$loop" -v w="$wall" -v pl="$plain_loop" -v pw="$plain_wall" \
    'BEGIN { printf "  %-30s %7.0f ms %8.2fx %7.0f ms %8.2fx\n", label, l, l / pl, w, w / pw }'
done

# After the target ends, rustscope stops the session, converts and analyses the trace, then writes the session.
"$rustscope" run --no-tui -o "$work/long.json" -- dotnet "$target" hot "$long_seconds" >/dev/null 2>&1
done_ms=$(now_ms)
python3 - "$work/long.json" "$done_ms" "$long_seconds" <<'PY'
import json, sys
session = json.load(open(sys.argv[1]))
after = (int(sys.argv[2]) - session["meta"]["end_ts"]) / 1000
samples = sum(s["weight"] for s in session["stacks"]["samples"])
print(f"{sys.argv[3]} s HotLoop trace ({samples:.0f} running samples): rustscope finished {after:.1f} s after the target ended "
      f"({after / float(sys.argv[3]):.2f} of the trace's duration)")
PY

python3 "$here/tool_cpu.py" "$work" "$rustscope" "$dotnet_trace_dll" "$here/JsonRegex/bin/Release/net10.0/JsonRegex.dll" "$json_rounds" "$runs" "$build_runs"
