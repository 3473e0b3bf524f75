using RustScope.Core.Budgets;

namespace RustScope.Core.Statistics;

/// <summary>Turns shifts on the analysis scale (log or raw) into relative and absolute changes of the metric.</summary>
internal static class ChangeConversion
{
    /// <summary>
    /// The equivalence margin on the analysis scale: a change is irrelevant when it is inside the relative OR the
    /// absolute threshold, because a regression must exceed both.
    /// </summary>
    public static double Margin(RegressionThreshold threshold, double baselineCenter, bool logScale)
    {
        var absolute = threshold.Absolute ?? 0;
        var relative = threshold.Relative ?? 0;
        return logScale
            ? Math.Log(1 + Math.Max(relative, absolute / baselineCenter))
            : Math.Max(relative * baselineCenter, absolute);
    }

    /// <summary>The analysis of a tested metric.</summary>
    public static ChangeAnalysis FromEvidence(ChangeAnalysis common, ShiftEvidence evidence, bool logScale, bool lowerIsBetter)
    {
        var interval = evidence.Interval;
        double Relative(double shift) => logScale ? Math.Exp(shift) - 1 : RelativeOf(shift, common.BaselineCenter);
        double Absolute(double shift) => logScale ? common.BaselineCenter * (Math.Exp(shift) - 1) : shift;
        return common with
        {
            Test = evidence.Test,
            Change = Relative(interval.Estimate),
            ChangeCiLow = Relative(interval.Low),
            ChangeCiHigh = Relative(interval.High),
            AbsoluteChange = Absolute(interval.Estimate),
            AbsoluteCiLow = Absolute(interval.Low),
            AbsoluteCiHigh = Absolute(interval.High),
            PValueWorse = lowerIsBetter ? evidence.PValues.Greater : evidence.PValues.Less,
            PValueBetter = lowerIsBetter ? evidence.PValues.Less : evidence.PValues.Greater,
            EquivalencePValue = evidence.EquivalencePValue,
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
