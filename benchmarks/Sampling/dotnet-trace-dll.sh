#!/usr/bin/env bash
# Prints the path of dotnet-trace.dll at the version this folder's tool manifest pins, restoring it first. Benchmarks
# run the dll directly: `dotnet tool run` would add a host process of its own to the profiler's CPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$here" && dotnet tool restore >/dev/null)
version=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['tools']['dotnet-trace']['version'])" "$here/dotnet-tools.json")
ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/dotnet-trace/"$version"/tools/*/any/dotnet-trace.dll
