#!/usr/bin/python3
"""False alarms of A/A comparisons of autocorrelated benchmark iterations (one launch a side), by test.

Each side: n iterations of an AR(1) process on log values (lag-1 rho, 2 % noise); both sides from the same process.
Counts how often the one-sided p-value in either direction is below 0.005 (a two-sided 1 % test), for the rank test
(what RustScope used for 13+ iterations a side), Welch's t-test counting every iteration, and Welch's t-test on the
effective sizes n(1 - rho)/(1 + rho) estimated from each side, with rho as estimated and with rho bias-corrected
(what it uses now). SciPy only:
    /usr/bin/python3 autocorrelated_aa.py
"""
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261206)
TRIALS = 2000


def ar1(n, rho, sd=0.02):
    x = np.empty(n)
    x[0] = rng.normal(0, sd)
    e = rng.normal(0, sd * np.sqrt(1 - rho ** 2), n)
    for t in range(1, n):
        x[t] = rho * x[t - 1] + e[t]
    return x


def effective(x, corrected):
    n = len(x)
    d = x - x.mean()
    rho = float(np.sum(d[:-1] * d[1:]) / np.sum(d * d))
    if corrected:
        rho = (n * rho + 1) / (n - 3)  # Marriott & Pope 1954: E[rho hat] ~ rho - (1 + 3 rho)/n
    rho = min(max(rho, 0.0), 0.999)
    return float(np.clip(n * (1 - rho) / (1 + rho), min(2, n), n))


print("| iterations a side | lag-1 rho | rank test | Welch, every iteration | Welch, effective sizes from raw rho | Welch, effective sizes from bias-corrected rho |")
print("|---|---|---|---|---|---|")
for n in (15, 40):
    for rho in (0.0, 0.3, 0.5, 0.78):
        alarms = np.zeros(4)
        for _ in range(TRIALS):
            x, y = ar1(n, rho), ar1(n, rho)
            p = [stats.mannwhitneyu(y, x, alternative="two-sided").pvalue,
                 stats.ttest_ind(y, x, equal_var=False).pvalue,
                 stats.ttest_ind_from_stats(y.mean(), y.std(ddof=1), effective(y, False), x.mean(), x.std(ddof=1), effective(x, False), equal_var=False).pvalue,
                 stats.ttest_ind_from_stats(y.mean(), y.std(ddof=1), effective(y, True), x.mean(), x.std(ddof=1), effective(x, True), equal_var=False).pvalue]
            alarms += np.array(p) < 0.01
        print(f"| {n} | {rho} | " + " | ".join(f"{100 * a / TRIALS:.1f} %" for a in alarms) + " |")
