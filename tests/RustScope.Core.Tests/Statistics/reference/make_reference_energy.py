#!/usr/bin/python3
"""Reference values for the energy statistic of E-divisive means (ChangePoints/EnergyScan).

Run with Debian's python3-scipy installed:
    /usr/bin/python3 make_reference_energy.py > reference_energy.json
For each pair (x, y) it writes SciPy's energy_distance and Matteson and James's (2014) divergence
Q = m n / (m + n) * (2 mean|x - y| - mean_{i<j}|x_i - x_j| - mean_{i<j}|y_i - y_j|) from the direct O(n^2)
formula. SciPy's distance uses V-statistics (the zero diagonal counted), so Q is checked against it here through the
shared cross term. The tests read the committed JSON and never run this script.
"""
import itertools
import json

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261206)


def within(a):
    return sum(abs(p - q) for p, q in itertools.combinations(a, 2))


def case(name, x, y):
    x, y = [float(v) for v in x], [float(v) for v in y]
    m, n = len(x), len(y)
    cross = sum(abs(a - b) for a in x for b in y)
    q = m * n / (m + n) * (2 * cross / (m * n) - within(x) / (m * (m - 1) / 2) - within(y) / (n * (n - 1) / 2))
    scipy_distance = float(stats.energy_distance(x, y))
    # SciPy: distance^2 = 2 mean|x-y| - 2 S_x / m^2 - 2 S_y / n^2 (V-statistics over the same sums).
    v_statistic = 2 * cross / (m * n) - 2 * within(x) / m ** 2 - 2 * within(y) / n ** 2
    assert abs(scipy_distance ** 2 - v_statistic) <= 1e-9 * max(1.0, abs(v_statistic))
    return {"name": name, "x": x, "y": y, "q": q, "scipy_energy_distance": scipy_distance}


CASES = [
    case("tiny", [1, 2], [3, 5]),
    case("ties", [1, 1, 2, 2, 3], [2, 2, 3, 4]),
    case("step-5pct", np.round(rng.normal(100, 3, 30), 4), np.round(rng.normal(105, 3, 30), 4)),
    case("unequal", np.round(rng.lognormal(0, 0.2, 7), 6), np.round(rng.lognormal(0.1, 0.2, 40), 6)),
    case("same", np.round(rng.normal(10, 1, 25), 4), np.round(rng.normal(10, 1, 25), 4)),
    case("nanoseconds", np.round(rng.normal(2.5e9, 1e7, 20)), np.round(rng.normal(2.6e9, 1e7, 15))),
]
print(json.dumps({"generator": "make_reference_energy.py", "scipy": __import__("scipy").__version__, "cases": CASES}, indent=1))
