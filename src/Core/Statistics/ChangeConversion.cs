namespace RustScope.Core.Statistics;

/// <summary>Turns shifts on the analysis scale (log or raw) into relative and absolute changes of the metric.</summary>
internal static class ChangeConversion
{
    /// <summary>
    /// The equivalence margin on the analysis scale: a change is irrelevant when it is inside the relative OR the
    /// absolute threshold, because a regression must exceed both. Narrowed by <see cref="ThresholdCheck.Tolerance"/> so
    /// that a change exactly at the threshold is never shown equivalent, whichever way rounding fell.
    /// </summary>
    public static double Margin(RegressionThreshold threshold, double baselineCenter, bool logScale) => logScale
        ? Math.Log(1 + ThresholdCheck.Below(Relative(threshold, baselineCenter)))
        : Math.Max(ThresholdCheck.Below(threshold.Relative ?? 0) * baselineCenter, ThresholdCheck.Below(threshold.Absolute ?? 0));

    /// <summary>The threshold as a fraction of <paramref name="center"/>: a change must exceed both parts when both are set.</summary>
    public static double Relative(RegressionThreshold threshold, double center) =>
        Math.Max(threshold.Relative ?? 0, threshold.Absolute is { } absolute && center > 0 ? absolute / center : 0);

    /// <summary>
    /// The analysis of a tested metric. The change is the one of the statistic both sides are summarised by; the test's
    /// interval is widened to take it in where the two differ (the rank test estimates Hodges-Lehmann's shift, the
    /// report shows the medians'), so no report shows a change outside its own interval. <paramref name="runsNeeded"/> is
    /// the estimate of the runs a side that would decide it.
    /// </summary>
    public static ChangeAnalysis FromEvidence(ChangeAnalysis common, ShiftEvidence evidence, bool logScale, bool lowerIsBetter, int? runsNeeded)
    {
        var difference = common.HeadCenter - common.BaselineCenter;
        var change = RelativeOf(difference, common.BaselineCenter);
        var shift = logScale ? Math.Log(common.HeadCenter / common.BaselineCenter) : difference;
        var (low, high) = (Math.Min(evidence.Interval.Low, shift), Math.Max(evidence.Interval.High, shift));
        // Values are never negative (SampleValidator), so no change can be below −100 %: a raw-scale t interval that
        // reaches past it is cut there instead of showing an impossible bound.
        double Relative(double s) => logScale ? Math.Exp(s) - 1 : Math.Max(-1, RelativeOf(s, common.BaselineCenter));
        double Absolute(double s) => logScale ? common.BaselineCenter * (Math.Exp(s) - 1) : Math.Max(-common.BaselineCenter, s);
        return common with
        {
            Test = evidence.Test,
            Change = change,
            // Min and max again: exp(log(h / b)) − 1 may differ from h / b − 1 in the last bit.
            ChangeCiLow = Math.Min(Relative(low), change),
            ChangeCiHigh = Math.Max(Relative(high), change),
            AbsoluteChange = difference,
            AbsoluteCiLow = Math.Min(Absolute(low), difference),
            AbsoluteCiHigh = Math.Max(Absolute(high), difference),
            PValueWorse = lowerIsBetter ? evidence.PValues.Greater : evidence.PValues.Less,
            PValueBetter = lowerIsBetter ? evidence.PValues.Less : evidence.PValues.Greater,
            EquivalencePValue = evidence.EquivalencePValue,
            RunsNeeded = runsNeeded,
        };
    }

    /// <summary>The analysis of a metric judged on its medians alone: the change is known, not estimated.</summary>
    public static ChangeAnalysis Deterministic(ChangeAnalysis common)
    {
        var difference = common.HeadCenter - common.BaselineCenter;
        var change = RelativeOf(difference, common.BaselineCenter);
        var worse = common.Options.LowerIsBetter ? difference > 0 : difference < 0;
        var better = difference != 0 && !worse;
        return common with
        {
            Test = TestNames.Deterministic,
            Change = change,
            ChangeCiLow = change,
            ChangeCiHigh = change,
            AbsoluteChange = difference,
            AbsoluteCiLow = difference,
            AbsoluteCiHigh = difference,
            ConfidenceLevel = 1,
            PValueWorse = worse ? 0 : 1,
            PValueBetter = better ? 0 : 1,
        };
    }

    /// <summary>The analysis of a metric that cannot be tested: the change is shown, its interval is unbounded.</summary>
    public static ChangeAnalysis Untestable(ChangeAnalysis common, string reason)
    {
        var difference = common.HeadCenter - common.BaselineCenter;
        return common with
        {
            Reason = reason,
            Change = RelativeOf(difference, common.BaselineCenter),
            ChangeCiLow = -1,
            ChangeCiHigh = double.PositiveInfinity,
            AbsoluteChange = difference,
            AbsoluteCiLow = -common.BaselineCenter,
            AbsoluteCiHigh = double.PositiveInfinity,
        };
    }

    /// <summary>Difference over the baseline; ±∞ (or 0) when the baseline is 0, never NaN.</summary>
    public static double RelativeOf(double difference, double baselineCenter) =>
        baselineCenter != 0 ? difference / baselineCenter
        : difference == 0 ? 0
        : Math.CopySign(double.PositiveInfinity, difference);
}
