#!/usr/bin/env bash
# What a mapped but inactive profiling endpoint costs one request, in process (docs/endpoint.md, "Cost"): BenchmarkDotNet
# runs GET /hello and GET /work/orders?n=50 through examples/WebService's ASP.NET Core pipeline (its request delegate,
# no server, no sockets) with the endpoint not mapped (baseline) and mapped with profiling inactive, timed by the
# benchmark thread's CPU time (Program.cs says why). The loopback benchmark (benchmarks/Endpoint) cannot resolve 1 %: its
# processes differ by ±10 % round to round. Copies BDN's table, under a line with the commit, the cores and the load,
# to benchmarks/results/endpoint-pipeline-DATE.md.
#
#   bash benchmarks/EndpointPipeline/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="${RESULTS:-$root/benchmarks/results/endpoint-pipeline-$(date -u +%Y%m%d).md}"
artifacts="$(mktemp -d /tmp/rustscope-endpoint-pipeline-XXXXXX)"
trap 'rm -rf "$artifacts"' EXIT
dotnet build "$here" -c Release -nologo -v:q >/dev/null
started="$(date -u +%FT%TZ)" load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$here/bin/Release/net10.0/RustScope.Benchmarks.EndpointPipeline.dll" --filter '*' --artifacts "$artifacts"
{
  echo "# benchmarks/EndpointPipeline/run.sh, $started, $(git -C "$root" describe --always --dirty), $(nproc) cores, load $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo
  cat "$artifacts"/results/*-report-github.md
} >"$results"
echo "table: $results"
