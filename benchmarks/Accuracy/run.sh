#!/usr/bin/env bash
# The figures the gate compares, against the kernel's accounting as GNU time reports it for the same command: wall
# seconds, CPU seconds (user + system) and peak resident memory. Each command runs RUNS times (default 3) under each
# tool, alternately; the medians are printed with rustscope / time ratios. GNU time's peak is the largest single
# process's ru_maxrss; rustscope's is the larger of the tree's sampled sum and that figure (above its own ~46 MB, see
# docs/session.md), so a parallel build can read higher under rustscope, never lower.
# Needs /usr/bin/time, gcc, make, xz, python3; function sampling is off (a separate cost, see benchmarks/Sampling).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Cli" -c Release -nologo -v:q >/dev/null
rustscope=(dotnet "$root/src/Cli/bin/Release/net10.0/rustscope.dll")

cat > "$work/burn.c" <<'C'
#include <stdlib.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) { double end = now() + atof(argv[1]); volatile unsigned long x = 1; while (now() < end) x = x * 6364136223846793005UL + 1; return 0; }
C
gcc -O1 -o "$work/burn" "$work/burn.c"
cat > "$work/hold.py" <<'PY'
import time
block = bytearray(57_000_000)
for i in range(0, len(block), 4096): block[i] = 1
time.sleep(0.25)
PY
mkdir -p "$work/make"
for i in $(seq 20); do echo "int unit$i(int x) { return x * $i; }" > "$work/make/unit$i.c"; done
printf 'OBJECTS = $(patsubst %%.c,%%.o,$(wildcard *.c))\nall: $(OBJECTS)\n%%.o: %%.c\n\tgcc -O2 -c $< -o $@\n' > "$work/make/Makefile"
head -c 40000000 /dev/urandom | base64 > "$work/big.txt"
python3="$(command -v python3.11 || command -v python3)"

# name | command (run in $work/make for make, which is cleaned before each run)
commands=(
  "sleep 1|sleep 1"
  "burner 0.3 s|$work/burn 0.3"
  "python 57 MB for 0.25 s|$python3 $work/hold.py"
  "xz -6 of 54 MB|xz -6 -c -T1 $work/big.txt"
  "make -j2, 20 files|make -s -j2 -C $work/make"
)

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-26s %10s %10s %7s %10s %10s %7s %10s %10s %7s\n' command "wall time" rustscope ratio "cpu time" rustscope ratio "peak time" rustscope ratio
for entry in "${commands[@]}"; do
  name="${entry%%|*}"
  read -r -a argv <<< "${entry#*|}"
  : > "$work/time.txt"; : > "$work/scope.txt"
  for ((r = 0; r < runs; r++)); do
    rm -f "$work"/make/*.o
    /usr/bin/time -f "%e %U %S %M" -a -o "$work/time.txt" "${argv[@]}" > /dev/null
    rm -f "$work"/make/*.o
    "${rustscope[@]}" run --no-tui --sampling off -o "$work/s.json" -- "${argv[@]}" > /dev/null 2>&1
    python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print(s['duration_s'], s['cpu_s'], s['peak_rss_mb'])" "$work/s.json" >> "$work/scope.txt"
  done
  tw=$(awk '{print $1}' "$work/time.txt" | median); tc=$(awk '{print $2 + $3}' "$work/time.txt" | median); tm=$(awk '{print $4 * 1024 / 1e6}' "$work/time.txt" | median)
  sw=$(awk '{print $1}' "$work/scope.txt" | median); sc=$(awk '{print $2}' "$work/scope.txt" | median); sm=$(awk '{print $3}' "$work/scope.txt" | median)
  awk -v n="$name" -v tw="$tw" -v sw="$sw" -v tc="$tc" -v sc="$sc" -v tm="$tm" -v sm="$sm" 'BEGIN {
    printf "%-26s %9.3fs %9.3fs %6.2fx %9.3fs %9.3fs %6.2fx %8.1fMB %8.1fMB %6.2fx\n", n, tw, sw, sw / tw, tc, sc, (tc > 0 ? sc / tc : 0), tm, sm, sm / tm }'
done
