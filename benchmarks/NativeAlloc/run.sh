#!/usr/bin/env bash
# Allocation tracking cost and answers, from one run: 20 million malloc/free pairs and `xz -6` on a 4 MB file, plain,
# under `rustscope run --track-alloc` and under heaptrack; then the leak fixture's and xz's leaks and top sites from
# both tools. Prints figures (medians of runs); asserts nothing. Usage: benchmarks/NativeAlloc/run.sh [pairs] [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-20000000}"
runs="${2:-3}"
work="$(mktemp -d /tmp/rustscope-nativealloc-XXXXXX)"
trap 'rm -rf "$work"' EXIT
command -v heaptrack >/dev/null && command -v heaptrack_print >/dev/null || { echo "heaptrack is not installed" >&2; exit 2; }

dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
gcc -O2 -g -fno-omit-frame-pointer -o "$work/churn" "$root/tests/RustScope.Collectors.Tests/Native/Fixtures/churn.c"
gcc -O1 -g -fno-omit-frame-pointer -o "$work/leak" "$root/tests/RustScope.Collectors.Tests/Native/Fixtures/leak.c"
head -c 3000000 /dev/urandom | base64 > "$work/input.txt"

python3 "$root/benchmarks/NativeAlloc/compare.py" "$root/src/Cli/bin/Release/net10.0/rustscope.dll" "$work" "$pairs" "$runs"
