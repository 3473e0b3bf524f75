#!/usr/bin/env bash
# Size and speed of the HTML report (docs/report.md): a session of 1,000,000 samples over 50,000 distinct stacks,
# written REPS times (default 5) and opened REPS times in headless Chromium until data-ready. Prints medians and keeps
# the log, with the machine's load and the page that was embedded, in benchmarks/results/.
#
#   REPS=5 bash benchmarks/Report/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
results="$root/benchmarks/results/report-$(date -u +%Y%m%dT%H%M).txt"
dotnet build "$root/benchmarks/Report" -c Release -nologo -v:q >/dev/null
{
  echo "# benchmarks/Report/run.sh, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# page: $(node -p "require('$root/src/Viewer/package.json').name") $(git -C "$root" rev-parse --short HEAD), chromium: $("${RUSTSCOPE_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null)"
  dotnet "$root/benchmarks/Report/bin/Release/net10.0/RustScope.Benchmarks.Report.dll"
} | tee "$results"
echo "log: $results"
