#!/usr/bin/python3
"""Reference values for RustScope's statistics tests.

Run with Debian's python3-scipy and r-base-core installed:
    /usr/bin/python3 make_reference.py > reference.json
SciPy gives Mann-Whitney, Welch and the TOST p-values; R gives qwilcox and p.adjust. The Hodges-Lehmann intervals
(and R's own Mann-Whitney p-values) come from make_reference.R, which reads the samples written here:
    Rscript --vanilla make_reference.R > reference_r.json
The tests read the committed JSON and never run either script.
"""
import json
import subprocess

import numpy as np
from scipy import stats

rng = np.random.default_rng(20240601)
lognormal = lambda n, scale: list(np.round(rng.lognormal(np.log(scale), 0.1, n), 6))

# (name, first (baseline), second (head)); tests compare second against first.
SAMPLES = [
    ("n1-vs-n1", [10.0], [12.0]),
    ("n1-vs-n3", [10.0], [9.0, 11.5, 12.0]),
    ("n2-vs-n2", [10.0, 11.0], [12.5, 10.5]),
    ("n3-vs-n3", [10.0, 10.4, 9.7], [11.2, 10.9, 11.6]),
    ("n5-separated", [1.0, 1.1, 1.2, 1.3, 1.4], [2.0, 2.1, 2.2, 2.3, 2.4]),
    ("n5-overlap", [10.2, 9.8, 10.5, 10.1, 9.9], [10.6, 10.0, 10.9, 10.4, 11.1]),
    ("n7-vs-n9", lognormal(7, 100), lognormal(9, 108)),
    ("n10-lognormal", lognormal(10, 50), lognormal(10, 54)),
    ("n30-exact-large", lognormal(30, 20), lognormal(30, 21)),
    ("ties-small", [1.0, 2.0, 2.0, 3.0], [2.0, 3.0, 3.0, 4.0, 5.0]),
    ("ties-rounded", list(np.round(rng.normal(100, 3, 25))), list(np.round(rng.normal(102, 3, 30)))),
    ("identical", [5.0, 5.0, 5.0], [5.0, 5.0, 5.0]),
    ("large-n-normal", lognormal(60, 7), lognormal(80, 7.1)),
    ("large-n-ties", list(np.round(rng.normal(50, 5, 200))), list(np.round(rng.normal(50.5, 5, 150)))),
]
EXACT_PRODUCT_LIMIT = 2500  # MannWhitneyDistribution.MaxExactProduct
LEVEL = 0.95
MARGIN = 0.5


def has_ties(a, b):
    pooled = list(a) + list(b)
    return len(set(pooled)) < len(pooled)


def mwu(a, b, method):
    out = {}
    for alternative, key in (("greater", "greater"), ("less", "less"), ("two-sided", "two_sided")):
        res = stats.mannwhitneyu(b, a, alternative=alternative, method=method, use_continuity=True)
        out[key] = float(res.pvalue)
        out["u"] = float(res.statistic) if alternative == "greater" else out.get("u")
    return out


def welch(a, b):
    out = {}
    for alternative, key in (("greater", "greater"), ("less", "less"), ("two-sided", "two_sided")):
        res = stats.ttest_ind(b, a, equal_var=False, alternative=alternative)
        out[key] = float(res.pvalue)
        out["t"] = float(res.statistic)
    va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    half = stats.t.ppf((1 + LEVEL) / 2, df) * np.sqrt(va + vb)
    diff = np.mean(b) - np.mean(a)
    out.update(df=float(df), ci_low=float(diff - half), ci_high=float(diff + half))
    return out


def r_values(script):
    text = subprocess.run(["Rscript", "--vanilla", "-"], input=script, capture_output=True, text=True, check=True).stdout
    return [float(v) for v in text.split()]


def r_version():
    result = subprocess.run(["Rscript", "--version"], capture_output=True, text=True, check=True)
    return (result.stdout + result.stderr).strip()


def r_vector(values):
    return "c(" + ",".join(repr(float(v)) for v in values) + ")"


def splitmix64(seed):
    mask = (1 << 64) - 1
    state = seed & mask
    while True:
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        yield z ^ (z >> 31)


def bootstrap(a, b, seed, resamples=2000):
    gen = splitmix64(seed)
    ratios = []
    for _ in range(resamples):
        rb = [b[next(gen) % len(b)] for _ in range(len(b))]
        ra = [a[next(gen) % len(a)] for _ in range(len(a))]
        ratios.append(np.median(rb) / np.median(ra))
    low, high = np.percentile(ratios, [100 * (1 - LEVEL) / 2, 100 * (1 + LEVEL) / 2])
    return {"seed": seed, "resamples": resamples, "estimate": float(np.median(b) / np.median(a)),
            "low": float(low), "high": float(high)}


def sample_cases():
    cases = []
    for name, a, b in SAMPLES:
        a, b = [float(v) for v in a], [float(v) for v in b]
        case = {"name": name, "first": a, "second": b, "level": LEVEL, "margin": MARGIN,
                "normal": mwu(a, b, "asymptotic")}
        if not has_ties(a, b):
            case["exact"] = mwu(a, b, "exact")
        if len(a) > 1 and len(b) > 1 and (np.var(a) > 0 or np.var(b) > 0):
            case["welch"] = welch(a, b)
            case["tost_welch"] = max(stats.ttest_ind(np.add(b, MARGIN), a, equal_var=False, alternative="greater").pvalue,
                                     stats.ttest_ind(np.subtract(b, MARGIN), a, equal_var=False, alternative="less").pvalue)
        method = "exact" if not has_ties(np.add(b, MARGIN), a) and not has_ties(np.subtract(b, MARGIN), a) \
            and len(a) * len(b) <= EXACT_PRODUCT_LIMIT else "asymptotic"
        case["tost_rank"] = max(stats.mannwhitneyu(np.add(b, MARGIN), a, alternative="greater", method=method).pvalue,
                                stats.mannwhitneyu(np.subtract(b, MARGIN), a, alternative="less", method=method).pvalue)
        if min(a) > 0:
            case["bootstrap"] = bootstrap(a, b, 20240601)
        cases.append(case)
    return cases


def qwilcox_cases():
    grid = [(p, m, n) for p in (0.005, 0.025, 0.05, 0.5) for m, n in ((3, 4), (5, 5), (10, 10), (7, 12), (40, 50))]
    script = "cat(sprintf('%.17g', c(" + ",".join(f"qwilcox({p},{m},{n})" for p, m, n in grid) + ")))"
    return [{"p": p, "m": m, "n": n, "q": int(q)} for (p, m, n), q in zip(grid, r_values(script))]


def correction_cases():
    vectors = [
        [0.01, 0.02, 0.03, 0.04, 0.05],
        [0.04, 0.001, 0.03, 0.5, 0.001, 1.0, 0.2],
        [1e-6, 0.9, 0.004, 0.004, 0.03, 0.0102, 0.6, 2e-5],
        [0.5],
        list(np.round(rng.uniform(0, 0.05, 40), 8)),
    ]
    out = []
    for p in vectors:
        holm = r_values(f"cat(sprintf('%.17g', p.adjust({r_vector(p)}, 'holm')))")
        bh = r_values(f"cat(sprintf('%.17g', p.adjust({r_vector(p)}, 'BH')))")
        out.append({"p": [float(v) for v in p], "holm": holm, "bh": bh})
    return out


if __name__ == "__main__":
    reference = {
        "generator": f"make_reference.py with SciPy {__import__('scipy').__version__} and "
                     + r_version(),
        "samples": sample_cases(),
        "qwilcox": qwilcox_cases(),
        "corrections": correction_cases(),
    }
    print(json.dumps(reference, indent=1))
