namespace RustScope.Core.Statistics;

/// <summary>
/// How many independent values an autocorrelated series is worth: n(1 − ρ)/(1 + ρ) with ρ its lag-1 autocorrelation,
/// the variance inflation of the mean of an AR(1) series (Bayley &amp; Hammersley 1946, "The effective number of
/// independent observations in an autocorrelated time series", JRSS Suppl. 8; Zwiers &amp; von Storch 1995, "Taking
/// serial correlation into account in tests of the mean", J. Climate 8). Iterations of one benchmark process drift
/// together (lag-1 0.29–0.78 measured), so counting each as independent understates the noise by half or more.
/// </summary>
internal static class EffectiveSampleSize
{
    /// <summary>
    /// The effective size of <paramref name="series"/> (values in the order they were measured): never above its length,
    /// never below 2 (or its length when shorter). ρ is the lag-1 autocorrelation corrected for its bias, (nρ̂ + 1)/(n − 3)
    /// from E[ρ̂] ≈ ρ − (1 + 3ρ)/n (Marriott &amp; Pope 1954, "Bias in the estimation of autocorrelations", Biometrika 41):
    /// the raw estimate is low in short series, and left so it let false alarms through at several times the test's
    /// level (the A/A table in docs/statistics.md). A negative ρ would claim more information than the values hold, so
    /// it counts as 0.
    /// </summary>
    public static double Of(IReadOnlyList<double> series)
    {
        var n = series.Count;
        var estimate = LagOneAutocorrelation(series);
        var rho = Math.Clamp(n > 3 ? ((n * estimate) + 1) / (n - 3) : estimate, 0, MaxRho);
        return Math.Clamp(n * (1 - rho) / (1 + rho), Math.Min(2, n), n);
    }

    // Below 1 so that the size stays defined; the floor of 2 applies long before.
    private const double MaxRho = 0.999;

    /// <summary>The lag-1 sample autocorrelation Σ(xₜ − x̄)(xₜ₊₁ − x̄) / Σ(xₜ − x̄)²; 0 below three values or without variation.</summary>
    public static double LagOneAutocorrelation(IReadOnlyList<double> series)
    {
        if (series.Count < 3)
        {
            return 0;
        }

        var mean = series.Average();
        double lagged = 0, squares = 0;
        for (var t = 0; t < series.Count; t++)
        {
            var deviation = series[t] - mean;
            squares += deviation * deviation;
            if (t + 1 < series.Count)
            {
                lagged += deviation * (series[t + 1] - mean);
            }
        }

        return squares > 0 ? lagged / squares : 0;
    }
}
