namespace RustScope.Core.Statistics;

/// <summary>Whether an interval of the change lies wholly beyond the threshold (in the worse or the better direction) or wholly inside it.</summary>
internal static class ThresholdCheck
{
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

    private static bool Within(double low, double high, double? bound) => bound is { } b && -b < low && high < b;

    // relative and absolute are oriented so that larger is further beyond the threshold.
    private static bool Beyond(double relative, double absolute, ChangeAnalysis analysis)
    {
        var threshold = analysis.Options.Threshold;
        return relative > (threshold.Relative ?? 0) && absolute > (threshold.Absolute ?? 0);
    }
}
