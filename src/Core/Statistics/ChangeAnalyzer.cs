namespace RustScope.Core.Statistics;

/// <summary>
/// Analyses one metric's change from baseline to head: the test chosen by sample size, the change with its interval,
/// the equivalence test against the threshold, and how many runs would decide it. <see cref="FamilyJudge"/> turns a
/// run's analyses into verdicts.
/// </summary>
public static class ChangeAnalyzer
{
    /// <summary>
    /// Analyses baseline and head samples (per-run wall times, per-call latencies…). Never throws on bad data:
    /// empty, NaN, infinite or negative samples give a result with <see cref="ChangeAnalysis.Invalid"/> and a reason.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Alpha outside (0, 0.5) or a confidence level outside (0, 1).</exception>
    public static ChangeAnalysis Analyze(IReadOnlyList<double> baseline, IReadOnlyList<double> head, ChangeAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Options come from code or a validated budget file; only the data may be bad at run time.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Alpha);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.Alpha, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ConfidenceLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.ConfidenceLevel, 1);
        // Each path builds its analysis once from what both sides share (70 000 metrics are a comparison's worth).
        ChangeAnalysis Common(SummaryStatistic statistic, double baselineCenter, double headCenter, double noise) => new()
        {
            BaselineN = baseline?.Count ?? 0,
            HeadN = head?.Count ?? 0,
            Options = options,
            ConfidenceLevel = options.ConfidenceLevel,
            Statistic = statistic,
            BaselineCenter = baselineCenter,
            HeadCenter = headCenter,
            Noise = noise,
        };

        var problem = SampleValidator.Problem("head", head, options.Durations) ?? SampleValidator.Problem("baseline", baseline, options.Durations);
        if (problem is not null)
        {
            return Common(default, 0, 0, double.NaN) with { Invalid = true, Reason = problem };
        }

        var noise = PooledVariation(baseline!, head!);
        if (options.Deterministic || baseline!.Count < 2 || head!.Count < 2)
        {
            var medians = Common(SummaryStatistic.Median, Medians.Of(baseline!), Medians.Of(head!), noise);
            return options.Deterministic
                ? ChangeConversion.Deterministic(medians)
                : ChangeConversion.Untestable(medians, "A side has a single sample, so its noise is unknown; run at least two times a side.");
        }

        var logScale = baseline.All(static v => v > 0) && head.All(static v => v > 0);
        // Ranks assume independent, unpaired values; pairs and autocorrelated iterations get their t-tests instead.
        var tested = options.Paired && baseline.Count != head.Count ? options with { Paired = false } : options;
        // Sides without spread at the measurement's resolution (a 1 ms program timed to the ms) leave a t-test nothing
        // to scale by, and are not proof of a change either: ranks order them with the evidence their sizes allow.
        var unspread = Summaries.IsConstant(baseline) && Summaries.IsConstant(head);
        var rank = unspread || (!tested.Paired && !tested.Autocorrelated && ShiftTests.UsesRank(tested.Test, baseline.Count, head.Count, tested.Alpha));
        var statistic = rank ? SummaryStatistic.Median : logScale ? SummaryStatistic.GeometricMean : SummaryStatistic.Mean;
        var common = Common(statistic, Summaries.Of(statistic, baseline), Summaries.Of(statistic, head), noise);
        double[] x = [.. logScale ? baseline.Select(static v => Math.Log(v)) : baseline];
        double[] y = [.. logScale ? head.Select(static v => Math.Log(v)) : head];
        var margin = ChangeConversion.Margin(tested.Threshold, common.BaselineCenter, logScale);
        var evidence = ShiftTests.Run(x, y, rank, logScale, margin, tested);
        var runs = RunsNeededEstimate.Estimate(evidence.Interval.Estimate, margin, evidence.PooledSd, tested.Alpha, Math.Max(x.Length, y.Length));
        return ChangeConversion.FromEvidence(common, evidence, logScale, tested.LowerIsBetter, runs);
    }

    // Relative to each side's own mean, so a slower head does not look noisier for being slower.
    private static double PooledVariation(IReadOnlyList<double> baseline, IReadOnlyList<double> head)
    {
        static double Of(IReadOnlyList<double> sample)
        {
            var moments = Welford.Of(sample);
            return moments.Mean > 0 ? Math.Sqrt(moments.Variance) / moments.Mean : double.NaN;
        }

        return Math.Sqrt((Math.Pow(Of(baseline), 2) + Math.Pow(Of(head), 2)) / 2);
    }
}
