"""Times each program plain, under rustscope run --track-alloc and under heaptrack, and compares their answers.

Called by run.sh (which builds the programs); prints the medians of `runs` runs, the ratios and the answers side by side.
"""
import json
import re
import resource
import statistics
import subprocess
import sys
import time

cli, work, pairs, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
programs = {
    f"malloc/free x {int(pairs):,}": [f"{work}/churn", pairs],
    "xz -6 (4 MB of base64)": ["xz", "-6", "-T1", "-k", "-f", "-c", f"{work}/input.txt"],
}


def timed(argv, **kwargs):
    """Wall seconds and the CPU seconds of the command and everything it started (the tool's own work included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def rustscope(argv, name):
    session = f"{work}/{name}.json"
    _, total_cpu = timed(["dotnet", cli, "run", "-q", "--sampling", "off", "--track-alloc", "-o", session, "--", *argv])
    data = json.load(open(session))
    # The target's own wall time (spawn to reap) and CPU (the kernel's rusage), and the whole command's CPU.
    return data["summary"]["duration_s"], data["summary"]["cpu_s"], total_cpu, data


def heaptrack(argv, name):
    output = f"{work}/{name}"
    wall, cpu = timed(["heaptrack", "-o", output, *argv])
    text = subprocess.run(["heaptrack_print", "-f", f"{output}.zst", "-n", "3", "-s", "0", "-l", "1"], capture_output=True, text=True).stdout
    return wall, cpu, text


def heaptrack_leak(text):
    leaked = re.search(r"total memory leaked: (\S+)", text).group(1)
    calls = int(re.search(r"calls to allocation functions: (\d+)", text).group(1))
    section = text.split("MEMORY LEAKS", 1)[1] if "MEMORY LEAKS" in text else ""
    top = re.search(r"\n(\S+) leaked over (\d+) calls from\n(\S+)", section)
    peak = re.search(r"PEAK MEMORY CONSUMERS\n(\S+) peak memory consumed over \d+ calls from\n(\S+)", text)
    return leaked, calls, (top.group(3), top.group(1)) if top else None, (peak.group(2), peak.group(1)) if peak else None


# The machine this runs on may be shared: wall time includes waiting for a CPU, CPU seconds do not. Slowdown = extra
# over plain; the goal is the shim's at most a third of heaptrack's (ratio <= 0.33).
print(f"medians of {runs} runs")
print(f"{'program':<28} {'':>5} {'plain':>7} {'shim':>7} {'heaptrack':>10} {'shim x':>7} {'heaptrack x':>12} {'ratio':>6}")
for name, argv in programs.items():
    figures, sessions = [], []
    for _ in range(runs):
        plain_wall, plain_cpu = timed(argv)
        shim_wall, shim_cpu, rustscope_cpu, session = rustscope(argv, name.split()[0].replace("/", "-"))
        heap_wall, heap_cpu, _ = heaptrack(argv, "ht-" + name.split()[0].replace("/", "-"))
        figures.append((plain_wall, plain_cpu, shim_wall, shim_cpu, rustscope_cpu, heap_wall, heap_cpu))
        sessions.append(session)
    plain_wall, plain_cpu, shim_wall, shim_cpu, rustscope_cpu, heap_wall, heap_cpu = (statistics.median(f) for f in zip(*figures))
    for label, plain, shim, heap in (("wall", plain_wall, shim_wall, heap_wall), ("cpu", plain_cpu, shim_cpu, heap_cpu), ("cpu+", plain_cpu, rustscope_cpu, heap_cpu)):
        ratio = (shim - plain) / (heap - plain) if heap > plain else float("nan")
        print(f"{name if label == 'wall' else '':<28} {label:>5} {plain:7.2f} {shim:7.2f} {heap:10.2f} {shim / plain:7.2f} {heap / plain:12.2f} {ratio:6.2f}")
    natives = [(s["native_allocations"], s["summary"]["duration_s"]) for s in sessions]
    dropped = statistics.median(n["dropped"] for n, _ in natives)
    read = statistics.median(n["allocations"] + n["frees"] for n, _ in natives)
    rate = statistics.median((n["allocations"] + n["frees"]) / wall for n, wall in natives)
    print(f"{'':<28} events dropped by the shim: {dropped:,.0f} (runs: {', '.join(format(n['dropped'], ',') for n, _ in natives)}); "
          f"read: {read:,.0f}, {rate / 1e6:,.1f} M events/s of the target's wall time")
print("wall: the target's (rustscope) or the command's (plain, heaptrack); cpu: the target's alone for the shim, heaptrack's")
print("command (target + heaptrack_interpret); cpu+: rustscope's whole command (the CLI reading the pipe included).")

print()
print("Answers, rustscope --track-alloc against heaptrack_print:")
for name, argv in {"leak fixture": [f"{work}/leak"], "xz -6": programs["xz -6 (4 MB of base64)"]}.items():
    _, _, _, session = rustscope(argv, "answers-" + name.split()[0])
    native = session["native_allocations"]
    _, _, text = heaptrack(argv, "answers-ht-" + name.split()[0])
    leaked, calls, top_leak, top_peak = heaptrack_leak(text)
    # heaptrack groups by the allocating instruction; RustScope's sites are whole stacks: summed by allocating function here.
    by_function = {}
    for site in native["sites"]:
        entry = by_function.setdefault(site["function"], [0, 0])
        entry[0] += site.get("leaked_bytes", 0)
        entry[1] += site.get("peak_live_bytes", 0)
    leaks = sorted(by_function.items(), key=lambda e: -e[1][0])
    peaks = sorted(by_function.items(), key=lambda e: -e[1][1])
    ours_leak = (leaks[0][0], leaks[0][1][0]) if leaks and leaks[0][1][0] > 0 else None
    ours_peak = (peaks[0][0], peaks[0][1][1]) if peaks else None
    print(f"  {name}:")
    print(f"    leaked total      rustscope {native['leaked_bytes']:,} B   heaptrack {leaked}")
    print(f"    allocation calls  rustscope {native['allocations']:,}   heaptrack {calls:,}")
    print(f"    top leak site     rustscope {ours_leak}   heaptrack {top_leak}")
    print(f"    top peak site     rustscope {ours_peak}   heaptrack {top_peak}")
    print(f"    dropped           rustscope {native['dropped']:,}")
