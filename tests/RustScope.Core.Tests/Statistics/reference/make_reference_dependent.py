#!/usr/bin/python3
"""Reference values for the tests of dependent samples: paired runs and autocorrelated iterations.

Run with Debian's python3-scipy installed (SciPy only, no R):
    /usr/bin/python3 make_reference_dependent.py > reference_dependent.json
The tests read the committed JSON and never run this script.

- paired: SciPy's ttest_rel(second, first), its t interval, and the TOST of the differences against +-margin.
- effective: the lag-1 autocorrelation of each side, its effective size n(1 - rho)/(1 + rho) with rho bias-corrected
  as (n rho + 1)/(n - 3) and clamped to [0, 0.999], the size to [min(2, n), n], and SciPy's ttest_ind_from_stats with those sizes and each side's sample standard
  deviation (Welch's test on effective sizes).
"""
import json

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261206)
LEVEL = 0.90
MARGIN = float(np.log(1.05))


def drifting(n, scale, cv=0.05):
    """Runs of two builds on a drifting machine: a shared load factor per pair, and the build's own noise."""
    load = np.exp(rng.normal(0, 0.15, n))
    return list(np.round(scale * load * np.exp(rng.normal(0, cv, n)), 9)), load


def ar1(n, scale, rho, sd=0.03):
    x = np.zeros(n)
    x[0] = rng.normal(0, sd)
    for t in range(1, n):
        x[t] = rho * x[t - 1] + rng.normal(0, sd * np.sqrt(1 - rho ** 2))
    return list(np.round(scale * np.exp(x), 6))


def paired_samples():
    cases = [("pairs-2", [10.0, 11.0], [12.5, 10.5]), ("pairs-3", [1.0, 2.0, 4.0], [1.1, 2.3, 4.2])]
    for n, shift in ((5, 1.0), (5, 1.10), (10, 1.0), (10, 1.08), (20, 1.03)):
        a, load = drifting(n, 2.0)
        b = list(np.round(2.0 * shift * load * np.exp(rng.normal(0, 0.05, n)), 9))
        cases.append((f"pairs-{n}-x{shift}", a, b))
    out = []
    for name, a, b in cases:
        x, y = np.log(a), np.log(b)
        case = {"name": name, "first": [float(v) for v in x], "second": [float(v) for v in y], "level": LEVEL, "margin": MARGIN}
        d = y - x
        if np.var(d) > 0:
            res = {alt: float(stats.ttest_rel(y, x, alternative=alt).pvalue) for alt in ("greater", "less", "two-sided")}
            se = np.std(d, ddof=1) / np.sqrt(len(d))
            half = stats.t.ppf((1 + LEVEL) / 2, len(d) - 1) * se
            case["paired"] = {"greater": res["greater"], "less": res["less"], "two_sided": res["two-sided"],
                              "t": float(stats.ttest_rel(y, x).statistic), "df": len(d) - 1,
                              "ci_low": float(np.mean(d) - half), "ci_high": float(np.mean(d) + half),
                              "tost": float(max(stats.ttest_rel(y + MARGIN, x, alternative="greater").pvalue,
                                                stats.ttest_rel(y - MARGIN, x, alternative="less").pvalue))}
        out.append(case)
    return out


def lag1(x):
    x = np.asarray(x, dtype=float)
    dev = x - x.mean()
    return float(np.sum(dev[:-1] * dev[1:]) / np.sum(dev * dev))


def effective_size(x):
    n = len(x)
    rho = (n * lag1(x) + 1) / (n - 3) if n > 3 else lag1(x)  # Marriott & Pope's bias correction
    rho = min(max(rho, 0.0), 0.999)
    return float(np.clip(n * (1 - rho) / (1 + rho), min(2, n), n))


def effective_samples():
    cases = []
    for n, rho_a, rho_b, shift in ((15, 0.0, 0.0, 1.0), (15, 0.6, 0.5, 1.0), (30, 0.78, 0.29, 1.0), (20, 0.5, 0.5, 1.04), (100, 0.7, 0.7, 1.01)):
        cases.append((f"ar1-{n}-{rho_a}-{rho_b}-x{shift}", ar1(n, 100, rho_a), ar1(n, 100 * shift, rho_b)))
    out = []
    for name, a, b in cases:
        x, y = np.log(a), np.log(b)
        na, nb = effective_size(x), effective_size(y)
        res = {alt: float(stats.ttest_ind_from_stats(np.mean(y), np.std(y, ddof=1), nb, np.mean(x), np.std(x, ddof=1), na,
                                                     equal_var=False, alternative=alt).pvalue) for alt in ("greater", "less", "two-sided")}
        out.append({"name": name, "first": [float(v) for v in x], "second": [float(v) for v in y],
                    "rho_first": lag1(x), "rho_second": lag1(y), "size_first": na, "size_second": nb,
                    "greater": res["greater"], "less": res["less"], "two_sided": res["two-sided"],
                    "naive_two_sided": float(stats.ttest_ind(y, x, equal_var=False).pvalue)})
    return out


if __name__ == "__main__":
    print(json.dumps({"generator": f"make_reference_dependent.py with SciPy {__import__('scipy').__version__}",
                      "paired": paired_samples(), "effective": effective_samples()}, indent=1))
