#!/usr/bin/env bash
# The only entry points a newcomer needs: demo | test | pack.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"
artifacts="$root/artifacts"

usage() {
  echo "usage: ./build.sh demo | test | pack" >&2
  exit 2
}

# Installs Debian packages only when one of the given commands or files is missing.
ensure_apt() {
  local missing=()
  local spec
  for spec in "$@"; do
    local package="${spec%%:*}" probe="${spec#*:}"
    if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] || missing+=("$package")
    else command -v "$probe" >/dev/null 2>&1 || missing+=("$package")
    fi
  done
  ((${#missing[@]} == 0)) && return 0
  echo "==> installing ${missing[*]}"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Node.js and npm build the HTML report's page (src/Viewer), which RustScope.Reporters embeds; gcc and the other
# platform's cross compiler build the allocation shim the tool ships for linux-x64 and linux-arm64 (src/Shim); clang
# links the native tool (Native AOT), the other platform's with that cross compiler's libc and linker.
install_build_prerequisites() {
  ensure_apt nodejs:node npm:npm gcc:gcc clang:clang
  case "$(uname -m)" in
    # The cross compiler recommends, but does not depend on, the other platform's C library headers it compiles with.
    x86_64) ensure_apt gcc-aarch64-linux-gnu:aarch64-linux-gnu-gcc libc6-dev-arm64-cross:/usr/aarch64-linux-gnu/include/stdio.h ;;
    aarch64 | arm64) ensure_apt gcc-x86-64-linux-gnu:x86_64-linux-gnu-gcc libc6-dev-amd64-cross:/usr/x86_64-linux-gnu/include/stdio.h ;;
  esac
}

install_test_prerequisites() {
  # perf: native sampling; scipy: reference statistics; gcc: native fixtures; script (bsdutils): a pseudo-terminal for
  # the live view; go: `go tool pprof` reads the pprof files RustScope writes; chromium: the HTML report's browser tests
  # (Playwright drives it; it never downloads browsers); postgresql: the history store's tests start a server of their own;
  # qemu-user: the arm64 shim is run under qemu-aarch64 on an x64 machine.
  ensure_apt linux-perf:/usr/bin/perf python3-scipy:/usr/lib/python3/dist-packages/scipy gcc:gcc bsdutils:script golang-go:go \
    chromium:/usr/bin/chromium postgresql:/usr/lib/postgresql
  [[ "$(uname -m)" == x86_64 ]] && ensure_apt qemu-user:qemu-aarch64
  return 0
}

build() {
  install_build_prerequisites
  dotnet build "$root/RustScope.sln" -c "$configuration" -nologo -v:q -nodeReuse:false
  # The CLI's tool packages are per platform (Native AOT); packing them without a build needs each platform's build.
  local rid
  for rid in $(cli_platforms); do
    dotnet build "$root/src/Cli" -c "$configuration" -r "$rid" -nologo -v:q -nodeReuse:false
  done
}

# Packs what build() built (no second build): the tests install and restore these packages. The CLI's pack per
# platform compiles its native tool (into src/Cli/bin/<configuration>/net10.0/<platform>/publish/).
pack() {
  rm -rf "$artifacts/packages"
  dotnet pack "$root/RustScope.sln" -c "$configuration" --no-build -nologo -v:q -nodeReuse:false -o "$artifacts/packages"
  local rid
  for rid in $(cli_platforms); do
    # The package takes what is in the publish folder: no file of an earlier publish may stay there.
    rm -rf "$root/src/Cli/bin/$configuration/net10.0/$rid/publish"
    dotnet pack "$root/src/Cli" -c "$configuration" -r "$rid" --no-build -nologo -v:q -nodeReuse:false -o "$artifacts/packages"
  done
}

cli_platforms() {
  local rids
  rids="$(dotnet msbuild "$root/src/Cli" -getProperty:RuntimeIdentifiers)"
  echo "${rids//;/ }"
}

# The native tool pack() compiled for this machine: the tests run it, as users run the installed tool.
native_cli() {
  local rid
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) echo "no native rustscope for $(uname -m)" >&2; return 1 ;;
  esac
  echo "$root/src/Cli/bin/$configuration/net10.0/$rid/publish/rustscope"
}

rustscope() {
  (cd "$root" && dotnet "$root/src/Cli/bin/$configuration/net10.0/rustscope.dll" "$@")
}

# What the demo runs: the CLI and the example, nothing else (no per-platform tool builds, no tests).
build_demo() {
  install_build_prerequisites
  dotnet build "$root/src/Cli" -c "$configuration" -nologo -v:q -nodeReuse:false
  dotnet build "$root/examples/Quickstart" -c "$configuration" -nologo -v:q -nodeReuse:false
}

demo() {
  build_demo
  local out="$artifacts/demo" app="$root/examples/Quickstart/bin/$configuration/net10.0/Quickstart.dll"
  # auto: pairs are added until the gate is decided (at most 20); DEMO_RUNS=N runs N a side instead.
  local budget="examples/Quickstart/rustscope.yml" runs=(--runs auto --max-runs 20)
  [[ -n "${DEMO_RUNS:-}" ]] && runs=(--runs "$DEMO_RUNS")
  mkdir -p "$out"

  echo "==> 1. Profile: rustscope run -- dotnet examples/Quickstart (burns CPU, grows memory, [Profile] timings)"
  rustscope run -o "$out/rustscope-last.json" -- dotnet "$app"
  echo "==> rustscope show $out/rustscope-last.json"
  rustscope show "$out/rustscope-last.json"

  # Interleaved runs (base, head, head, base, …) on one machine: a busy machine slows both sides alike, so a
  # deliberate 30 % slowdown is found even at a load of 10 on 2 cores (benchmarks/results/demo-under-load.txt).
  echo "==> 2. Gate: rustscope ab — the current build against the same program made 30 % slower (--slowdown 1.3),"
  echo "       ${runs[*]}, interleaved, judged with the budget $budget"
  local status=0
  rustscope ab "${runs[@]}" -o "$out" --budget "$budget" \
    --base-arg dotnet --base-arg "$app" --base-arg 150 \
    --head-arg dotnet --head-arg "$app" --head-arg 150 --head-arg=--slowdown --head-arg 1.3 \
    --markdown "$out/pr-comment.md" --junit "$out/rustscope.junit.xml" --json "$out/comparison.json" --html "$out/diff.html" || status=$?
  echo "==> 3. Report: rustscope report — the head profile as an offline HTML page (flamegraph, icicle, timeline)"
  rustscope report "$out/rustscope-head.json" -o "$out/report.html" --title "Quickstart head"
  echo
  echo "Sessions:              $out/rustscope-base.json, $out/rustscope-head.json"
  echo "PR comment (Markdown): $out/pr-comment.md"
  echo "JUnit XML:             $out/rustscope.junit.xml"
  echo "Comparison JSON:       $out/comparison.json"
  echo "HTML report (head):    $out/report.html"
  echo "HTML diff (base→head): $out/diff.html"
  # The head is slower on purpose: only exit 1 (regression found) shows the loop works; 0 missed it, 2 is an error.
  if ((status != 1)); then
    echo "The gate exited with $status, but the deliberately slower head must fail it with 1: the demo failed." >&2
    return 1
  fi
  echo "The gate exited with 1: the regression was found, as intended here."
}

test() {
  install_test_prerequisites
  build
  pack
  local results="$artifacts/test-results"
  RUSTSCOPE_TEST_CLI="$(native_cli)"
  [[ -x "$RUSTSCOPE_TEST_CLI" ]] || { echo "pack did not compile $RUSTSCOPE_TEST_CLI" >&2; return 1; }
  export RUSTSCOPE_TEST_CLI
  rm -rf "$results"
  mkdir -p "$results"
  local project status=0
  for project in "$root"/tests/RustScope.*.Tests/*.csproj; do
    local name
    name="$(basename "$project" .csproj)"
    echo "==> $name"
    dotnet test "$project" -c "$configuration" --no-build -nologo -v:q \
      --logger "junit;LogFilePath=$results/$name.xml;MethodFormat=Class;FailureBodyFormat=Verbose" \
      --logger "console;verbosity=minimal" || status=1
  done
  "$root/eng/junit-summary.sh" "$results" || status=1
  return $status
}

case "${1:-}" in
  demo) demo ;;
  test) test ;;
  pack) build && pack ;;
  *) usage ;;
esac
