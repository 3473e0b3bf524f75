#!/usr/bin/env python3
"""Reads benchmarks/results/noise/LOAD-TARGET-MEASURE-REP.json (rustscope calibrate's output) and prints, per target,
measure and load, the medians over the repetitions of wall_time's and cpu_time's CV and pair-ratio sd."""
import json
import pathlib
import statistics
import sys
from collections import defaultdict

directory = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results/noise")
figures = defaultdict(list)
for path in sorted(directory.glob("*.json")):
    load, target, measure, _ = path.stem.split("-")
    for metric in json.loads(path.read_text())["targets"][0]["metrics"]:
        if metric["metric"] in ("wall_time", "cpu_time"):
            figures[(target, measure, load, metric["metric"])].append(metric)

def cell(key, field):
    values = [m[field] for m in figures.get(key, [])]
    return f"{statistics.median(values) * 100:.1f} %" if values else "–"

print("| target | measure | load | wall_time CV | wall_time pair-ratio sd | cpu_time CV | cpu_time pair-ratio sd | wall_time runs needed (5 %) | repetitions |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for target, measure, load in sorted({k[:3] for k in figures}, key=lambda k: (k[0], k[2] != "quiet", k[1] != "none", k[1])):
    wall, cpu = (target, measure, load, "wall_time"), (target, measure, load, "cpu_time")
    runs = statistics.median(m["runs_needed"] for m in figures[wall])
    print(f"| {target} | {measure} | {load} | {cell(wall, 'cv')} | {cell(wall, 'pair_ratio_sd')} | {cell(cpu, 'cv')} | "
          f"{cell(cpu, 'pair_ratio_sd')} | {runs:g} | {len(figures[wall])} |")
