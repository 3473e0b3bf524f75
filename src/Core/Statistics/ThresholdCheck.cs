namespace RustScope.Core.Statistics;

/// <summary>Whether an interval of the change lies wholly beyond the threshold (in the worse or the better direction) or wholly inside it.</summary>
internal static class ThresholdCheck
{
    /// <summary>
    /// How close to the threshold a change counts as exactly at it, as a fraction of the threshold (or of 1 for a zero
    /// one). 21 ms over 20 ms is exactly +5 %, but 21.0 / 20.0 − 1 is 0.050000000000000044 in doubles and
    /// exp(ln 21 − ln 20) − 1 may land a bit below: without this margin the verdict of a change at the threshold would
    /// depend on which path computed it. At the threshold is neither beyond it nor inside it.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary><paramref name="bound"/> made strict by <see cref="Tolerance"/>: what a change must exceed to be beyond it.</summary>
    public static double Above(double bound) => bound + (Tolerance * Math.Max(Math.Abs(bound), 1));

    /// <summary><paramref name="bound"/> narrowed by <see cref="Tolerance"/>: what a change must stay under to be inside it.</summary>
    public static double Below(double bound) => bound - (Tolerance * Math.Max(Math.Abs(bound), 1));

    /// <summary>True when even the most favourable end of the interval is worse than the threshold (both parts, when both are set).</summary>
    public static bool ClearsWorse(ChangeAnalysis analysis) => analysis.Options.LowerIsBetter
        ? Beyond(analysis.ChangeCiLow, analysis.AbsoluteCiLow, analysis)
        : Beyond(-analysis.ChangeCiHigh, -analysis.AbsoluteCiHigh, analysis);

    /// <summary>True when even the least favourable end of the interval is better than the threshold.</summary>
    public static bool ClearsBetter(ChangeAnalysis analysis) => analysis.Options.LowerIsBetter
        ? Beyond(-analysis.ChangeCiHigh, -analysis.AbsoluteCiHigh, analysis)
        : Beyond(analysis.ChangeCiLow, analysis.AbsoluteCiLow, analysis);

    /// <summary>
    /// True when the whole interval lies inside ± the threshold: inside its relative part or its absolute part, since a
    /// change must exceed both to count.
    /// </summary>
    public static bool Inside(ChangeAnalysis analysis)
    {
        var threshold = analysis.Options.Threshold;
        return Within(analysis.ChangeCiLow, analysis.ChangeCiHigh, threshold.Relative)
            || Within(analysis.AbsoluteCiLow, analysis.AbsoluteCiHigh, threshold.Absolute);
    }

    /// <summary>True when an end of the interval of the relative change lies on ± the relative threshold, within the tolerance.</summary>
    public static bool OnThreshold(ChangeAnalysis analysis) => analysis.Options.Threshold.Relative is { } t
        && new[] { analysis.ChangeCiLow, analysis.ChangeCiHigh }.Any(end => Math.Abs(Math.Abs(end) - t) <= Tolerance * Math.Max(t, 1));

    private static bool Within(double low, double high, double? bound) => bound is { } b && -Below(b) < low && high < Below(b);

    // relative and absolute are oriented so that larger is further beyond the threshold.
    private static bool Beyond(double relative, double absolute, ChangeAnalysis analysis)
    {
        var threshold = analysis.Options.Threshold;
        return relative > Above(threshold.Relative ?? 0) && absolute > Above(threshold.Absolute ?? 0);
    }
}
