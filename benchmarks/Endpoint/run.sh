#!/usr/bin/env bash
# Cost of the live profiling endpoint: requests/s and p99 latency of examples/WebService under a loopback load
# generator (this folder's C# program), endpoint not mapped / mapped but inactive / CPU profile in progress /
# allocation sampling active / not mapped with dotnet-trace attached, interleaved, ratios to "not mapped" in one run;
# besides requests/s and p99, the service's CPU per 1 000 requests (and dotnet-trace's own), which a shared machine
# disturbs far less. Results: benchmarks/results/endpoint-*.md;
# the current table is in docs/endpoint.md ("Cost").
# Usage: ROUNDS=5 SECONDS_PER_RUN=10 CONNECTIONS=8 [VARIANTS=0,1] benchmarks/Endpoint/run.sh (VARIANTS: places in
# Variant.All, the first is the baseline; a paired ratio with its 95 % interval is printed for each against it)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dotnet build "$here" -c Release -nologo -v:q -nodeReuse:false >/dev/null
DOTNET_TRACE_DLL=$("$root/benchmarks/Sampling/dotnet-trace-dll.sh")
export DOTNET_TRACE_DLL
dotnet "$here/bin/Release/net10.0/RustScope.Benchmarks.Endpoint.dll" \
  "$root/examples/WebService/bin/Release/net10.0/WebService.dll" \
  "${ROUNDS:-5}" "${SECONDS_PER_RUN:-10}" "${CONNECTIONS:-8}" "${ROUTE:-work/orders?n=50}"
