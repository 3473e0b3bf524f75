#!/usr/bin/env bash
# Fuzzes every reader RustScope trusts with a user's file (session JSON, budget YAML, BenchmarkDotNet JSON,
# collapsed stacks, pprof, speedscope, Firefox Profiler/samply) with AFL++ over SharpFuzz-instrumented assemblies,
# SECONDS_PER_READER each (default 120), starting from corpus/READER. Logs inputs tried, crashes and hangs per reader in
# benchmarks/results/fuzz-*.txt and copies every crashing or hanging input beside the log: each one found becomes a
# test in tests/RustScope.Core.Tests/Fuzz. Not part of ./build.sh test (it runs for minutes).
#
#   SECONDS_PER_READER=120 READERS="session budget" bash benchmarks/Fuzz/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${SECONDS_PER_READER:-120}"
readers="${READERS:-session budget bdn collapsed pprof speedscope firefox}"
stamp="$(date -u +%Y%m%dT%H%M)"
results="$root/benchmarks/results/fuzz-$stamp.txt"
findings="$root/benchmarks/results/fuzz-$stamp"
work="$(mktemp -d /tmp/rustscope-fuzz-XXXXXX)"
trap 'rm -rf "$work"' EXIT

if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
(cd "$here" && dotnet tool restore >/dev/null)
dotnet publish "$here" -c Release -nologo -v:q -o "$work/bin" >/dev/null
# Coverage comes from the code under test: RustScope.Core and the parsers it hands input to.
for assembly in RustScope.Core.dll YamlDotNet.dll; do
  (cd "$here" && dotnet tool run sharpfuzz "$work/bin/$assembly" >/dev/null)
done

{
  echo "# benchmarks/Fuzz/run.sh, $(date -u +%FT%TZ), $(git -C "$root" rev-parse --short HEAD), $(afl-fuzz -h 2>&1 | grep -o 'afl-fuzz++[0-9.a-z]*' | head -1), SharpFuzz 2.3.0, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# reader seconds inputs_tried crashes hangs corpus_found"
} | tee "$results"
mkdir -p "$work/out"
dotnet="$(command -v dotnet)"
for reader in $readers; do
  # Under load the runtime's start-up alone can take seconds: hangs are inputs still running after 10 s.
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    afl-fuzz -V "$seconds" -t 10000 -m none -i "$here/corpus/$reader" -o "$work/out/$reader" \
    -- "$dotnet" "$work/bin/RustScope.Benchmarks.Fuzz.dll" "$reader" >"$work/$reader.log" 2>&1 || {
      echo "afl-fuzz failed for $reader:" >&2; tail -20 "$work/$reader.log" >&2; exit 1; }
  stats="$work/out/$reader/default/fuzzer_stats"
  value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  echo "$reader $seconds $(value execs_done) $(value saved_crashes) $(value saved_hangs) $(value corpus_found)" | tee -a "$results"
  for kind in crashes hangs; do
    for input in "$work/out/$reader/default/$kind"/id:*; do
      [[ -e "$input" ]] || continue
      mkdir -p "$findings/$reader/$kind"
      cp "$input" "$findings/$reader/$kind/$(basename "$input" | tr ':,' '__')"
    done
  done
done
echo "log: $results"
