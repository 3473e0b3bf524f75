#!/usr/bin/env python3
"""How long a loaded ASP.NET Core app takes to exit after SIGINT, alone and under `rustscope run`.

Usage: shutdown.py RUSTSCOPE_DLL SHUTDOWN_TARGET_DLL [RUNS] [LOAD_SECONDS]
tests/fixtures/ShutdownTarget's `web` mode loads itself and prints "stopping" when its host begins to stop, so the
app's own shutdown (told -> gone) is measured apart from the time rustscope takes before it signals the app (told is
the line's arrival; gone is when /proc shows the app dead or a zombie). Set GROUP=1 to signal rustscope's whole
process group, as a terminal's Ctrl-C does, instead of rustscope alone.
"""
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

rustscope, target = sys.argv[1:3]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
load_seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 5
group = os.environ.get("GROUP") == "1"
work = tempfile.mkdtemp()


def dead(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(") ", 1)[1][0] in "ZX"
    except OSError:
        return True


def target_pid(parent):
    """The app: the command itself, or rustscope's child that runs it."""
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/cmdline") as cmdline:
                argv = cmdline.read().split("\0")
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(") ", 1)[1].split()[1])
        except OSError:
            continue
        if target in argv and "run" not in argv and parent in (int(entry), ppid):
            return int(entry)
    sys.exit("the app is not running")


def once(variant):
    flush = os.path.join(work, "flush")
    command = ["dotnet", target, "web", flush]
    if variant != "plain":
        command = ["dotnet", rustscope, "run", "--no-tui", "-o", os.path.join(work, "session.json"),
                   *(["--sampling", "off"] if variant == "sampling off" else []), "--", *command]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    for line in child.stdout:
        if line.strip() == "ready":
            break
    time.sleep(load_seconds)
    app = target_pid(child.pid)
    told = {}

    def read():
        for line in child.stdout:
            if line.strip() == "stopping":
                told["at"] = time.monotonic()

    reader = threading.Thread(target=read)
    reader.start()
    signalled = time.monotonic()
    if group:
        os.killpg(child.pid, signal.SIGINT)
    else:
        child.send_signal(signal.SIGINT)
    while not dead(app):
        time.sleep(0.005)
    gone = time.monotonic()
    child.wait()
    reader.join()
    flushed = os.path.exists(flush)
    if flushed:
        os.remove(flush)
    warnings = json.load(open(os.path.join(work, "session.json")))["warnings"] if variant != "plain" else []
    return gone - signalled, gone - told.get("at", float("nan")), time.monotonic() - signalled, flushed, warnings


variants = ["plain", "sampling off", "sampling on"]
results = {variant: [] for variant in variants}
loads = [os.getloadavg()[0]]
for _ in range(runs):
    for variant in variants:
        results[variant].append(once(variant))
        loads.append(os.getloadavg()[0])
print(f"ASP.NET Core app loaded for {load_seconds:g} s, SIGINT to {'the process group' if group else 'rustscope'}, "
      f"median of {runs} interleaved runs; load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores:")
for variant, values in results.items():
    median = [statistics.median(v[i] for v in values) for i in range(3)]
    print(f"  {variant:14} app gone {median[0]:.2f} s after SIGINT (its own shutdown {median[1]:.2f} s), command done "
          f"{median[2]:.2f} s; flush written {sum(v[3] for v in values)}/{runs}; "
          f"killed {sum(any('SIGKILL' in w for w in v[4]) for v in values)}/{runs}")
