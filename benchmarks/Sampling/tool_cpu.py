#!/usr/bin/env python3
"""The profiler's own CPU beside the target's slowdown, interleaved (called by run.sh).

Each command runs as a child of this script, which is a child subreaper: os.wait4 gives the CPU of the whole tree
(the tool, the target, perf), processes orphaned on the way (MSBuild's nodes) included, since they are reaped here. The target prints its own CPU as it ends (JsonRegex's cpu_s), so tool CPU = tree CPU - target CPU. For
`dotnet build`, the tree CPU and wall time of the build alone and under `rustscope run`.
Usage: tool_cpu.py WORK_DIR RUSTSCOPE DOTNET_TRACE_DLL JSONREGEX_DLL ROUNDS RUNS BUILD_RUNS
"""
import ctypes
import json
import os
import re
import statistics
import subprocess
import sys
import time

work, rustscope, dotnet_trace, jsonregex, rounds, runs, build_runs = sys.argv[1:8]
runs, build_runs = int(runs), int(build_runs)
target = ["dotnet", jsonregex, rounds]


PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans(deadline_s=30):
    """CPU of the descendants orphaned to this script (they exit soon after the command); waits at most deadline_s."""
    cpu, deadline = 0.0, time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return cpu
        if pid == 0:
            time.sleep(0.05)
            continue
        cpu += usage.ru_utime + usage.ru_stime
    sys.exit("descendants still running 30 s after the command ended")


def run(command, cwd=None):
    """(wall s, tree CPU s, stdout) of one command, with the CPU of every descendant, orphans included."""
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{command} failed ({child.returncode}):\n{output[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime + reap_orphans(), output


def load():
    return os.getloadavg()[0]


variants = {
    "plain": target,
    "rustscope run": [rustscope, "run", "--no-tui", "-q", "-o", f"{work}/tool-cpu.json", "--", *target],
    "rustscope run --sampling off": [rustscope, "run", "--no-tui", "-q", "--sampling", "off", "-o", f"{work}/tool-cpu-off.json", "--", *target],
    "dotnet-trace collect": ["dotnet", dotnet_trace, "collect", "--show-child-io", "-o", f"{work}/tool-cpu.nettrace", "--", *target],
    # A .nettrace needs converting before anyone reads a function in it; rustscope's session is that readable profile.
    "dotnet-trace --format speedscope": ["dotnet", dotnet_trace, "collect", "--show-child-io", "--format", "speedscope",
                                         "-o", f"{work}/tool-cpu-speedscope.nettrace", "--", *target],
}
figures = {name: [] for name in variants}
loads = [load()]
run(target)  # warm the disk cache and the runtime's files
for _ in range(runs):
    for name, command in variants.items():
        wall, tree_cpu, output = run(command)
        match = re.search(r"cpu_s=([0-9.]+)", output)
        if match is None:
            sys.exit(f"no cpu_s line from {name}:\n{output[-2000:]}")
        target_cpu = float(match.group(1))
        figures[name].append((wall, target_cpu, tree_cpu - target_cpu))
        loads.append(load())

median = statistics.median
plain_wall = median(f[0] for f in figures["plain"])
plain_cpu = median(f[1] for f in figures["plain"])
print(f"JsonRegex {rounds} rounds, median of {runs} interleaved runs; load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores:")
print(f"  {'':34} {'wall':>8} {'x':>6} {'target CPU':>11} {'x':>6} {'tool CPU':>9}")
for name, values in figures.items():
    wall, target_cpu, tool_cpu = (median(v[i] for v in values) for i in range(3))
    print(f"  {name:34} {wall:6.2f} s {wall / plain_wall:5.2f}x {target_cpu:9.2f} s {target_cpu / plain_cpu:5.2f}x {tool_cpu:7.2f} s")

if build_runs == 0:  # BUILD_RUNS=0: the JSON/Regex figures only
    sys.exit(0)

# dotnet build of a generated solution: three libraries and an app, rebuilt from scratch each time, every compiler in
# the tree (no build server, no node reuse), so the tree's CPU is the whole build.
solution = os.path.join(work, "solution")
os.makedirs(solution, exist_ok=True)
projects = ["Lib1", "Lib2", "Lib3", "App"]
for index, name in enumerate(projects):
    folder = os.path.join(solution, name)
    os.makedirs(folder, exist_ok=True)
    references = "".join(f'<ProjectReference Include="../{other}/{other}.csproj" />' for other in projects[:index]) if name == "App" else ""
    kind = "<OutputType>Exe</OutputType>" if name == "App" else ""
    with open(os.path.join(folder, f"{name}.csproj"), "w") as csproj:
        csproj.write(f'<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>{kind}'
                     f'<Nullable>enable</Nullable></PropertyGroup><ItemGroup>{references}</ItemGroup></Project>')
    for file in range(20):
        with open(os.path.join(folder, f"C{file}.cs"), "w") as source:
            methods = "\n".join(f"    public static int M{m}(int x) => x * {m} + {file};" for m in range(30))
            main = "    public static void Main() { }\n" if name == "App" and file == 0 else ""
            source.write(f"namespace {name};\npublic static class C{file}\n{{\n{main}{methods}\n}}\n")
subprocess.run(["dotnet", "new", "sln", "-n", "Generated", "--format", "sln", "-o", solution, "--force"], check=True, capture_output=True)
subprocess.run(["dotnet", "sln", os.path.join(solution, "Generated.sln"), "add", *[f"{solution}/{p}/{p}.csproj" for p in projects]], check=True, capture_output=True)
subprocess.run(["dotnet", "restore", solution, "--disable-build-servers"], check=True, capture_output=True)
build = ["dotnet", "build", solution, "--no-restore", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:q", "-nologo"]
builds = {"dotnet build": build, "rustscope run -- dotnet build": [rustscope, "run", "--no-tui", "-q", "-o", f"{work}/build.json", "--", *build]}
build_figures = {name: [] for name in builds}
build_loads = [load()]
for _ in range(build_runs):
    for name, command in builds.items():
        wall, tree_cpu, _ = run(command)
        build_figures[name].append((wall, tree_cpu))
        build_loads.append(load())

session = json.load(open(f"{work}/build.json"))
stacks = session.get("stacks") or {"samples": [], "frames": []}
weight = sum(s["weight"] for s in stacks["samples"]) or 1
unnamed = sum(s["weight"] for s in stacks["samples"] if stacks["frames"][s["stack"][-1]]["name"].endswith("!?"))
print(f"\ndotnet build of a generated 4-project solution (--no-incremental, no build server), median of {build_runs} "
      f"interleaved runs; load average {min(build_loads):.1f}-{max(build_loads):.1f}:")
plain_build = build_figures["dotnet build"]
for name, values in build_figures.items():
    wall, cpu = median(v[0] for v in values), median(v[1] for v in values)
    print(f"  {name:32} wall {wall:6.2f} s ({wall / median(v[0] for v in plain_build):.2f}x), tree CPU {cpu:6.2f} s "
          f"({cpu / median(v[1] for v in plain_build):.2f}x)")
print(f"  rustscope's last build session: {len(session['functions'])} functions, {100 * unnamed / weight:.0f} % of the "
      f"samples in an unnamed leaf, warnings: {len(session['warnings'])}")
