using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Core.Calibration;

/// <summary>
/// Measures each gated metric's noise from an A/A series — the same command on both sides of an interleaved
/// <c>ab</c> — and turns it into what a gate on this machine can see: the smallest change at 5–30 runs a side and the
/// runs a side a change of the metric's threshold needs, from the one formula in <see cref="RunsNeededEstimate"/>.
/// </summary>
internal static class NoiseCalibration
{
    /// <summary>A metric needing more runs a side than this is too noisy to gate on the machine.</summary>
    public const int MaxRunsPerSide = 30;

    /// <summary>The run counts the smallest detectable change is given for.</summary>
    public static IReadOnlyList<int> CheckedRuns { get; } = [5, 10, 20, 30];

    /// <summary>The noise of every gated metric both sides measured, process metrics first.</summary>
    /// <param name="first">One side of the A/A series (its <c>runs[]</c> are read).</param>
    /// <param name="second">The other side, whose runs pair with the first's by index.</param>
    /// <param name="options">Alpha and threshold overrides, the budget and its target, as <c>compare</c> takes them.</param>
    /// <param name="alpha">The significance level the figures were computed at.</param>
    /// <exception cref="Diagnostics.InputException">The alpha override is not a significance level, or the target is unknown.</exception>
    public static IReadOnlyList<MetricNoise> Analyze(ProfileSession first, ProfileSession second, ComparisonOptions options, out double alpha)
    {
        var target = BudgetRules.SelectTarget(options.Budget, options.Target, second.Meta.Project, []);
        var rules = new BudgetRules(options.Budget, target, options);
        alpha = rules.Alpha;
        var a = SessionMetrics.Extract(first);
        var b = SessionMetrics.Extract(second);
        var noise = new List<MetricNoise>();
        foreach (var (key, series) in a.OrderBy(m => m.Key.Kind).ThenBy(m => m.Key.Subject, StringComparer.Ordinal))
        {
            if (Gated(key) && series.Runs is not null && b.TryGetValue(key, out var other) && other.Runs is not null)
            {
                noise.Add(Measure(key, series, other, rules.Resolve(key, series).Threshold, alpha));
            }
        }

        return noise;
    }

    private static bool Gated(MetricKey key) => MetricCatalog.Find(key.Kind, key.Metric) is { Judging: MetricJudging.Judged, ComparedByDefault: true };

    private static MetricNoise Measure(MetricKey key, MetricSeries first, MetricSeries second, RegressionThreshold threshold, double alpha)
    {
        var secondByRun = second.Runs!.Select((run, i) => (run, i)).ToDictionary(p => p.run, p => second.Values[p.i]);
        var pairs = first.Runs!.Select((run, i) => (run, i)).Where(p => secondByRun.ContainsKey(p.run))
            .Select(p => (Base: first.Values[p.i], Head: secondByRun[p.run])).ToArray();

        // In run order, each pair's two runs side by side: the series as the machine lived through it.
        double[] all = [.. pairs.SelectMany(p => new[] { p.Base, p.Head })];
        var logScale = all.All(v => v > 0);
        var median = Medians.Of(all);
        var relativeThreshold = ChangeConversion.Relative(threshold, median);
        var pairSd = NoiseStatistics.PairRatioSd(pairs);

        // One run's spread, as the runs-needed estimate takes it: the differences' sd over √2.
        var sampleSd = pairSd / Math.Sqrt(2);
        var boundary = logScale ? Math.Log(1 + relativeThreshold) : relativeThreshold;
        var runsNeeded = sampleSd > 0 && boundary > 0 ? Math.Max(2, (int)Math.Ceiling(Math.Min(RunsNeededEstimate.RunsFor(boundary, sampleSd, alpha), int.MaxValue))) : 2;
        return new MetricNoise
        {
            Metric = key.Metric,
            Kind = key.Kind.ToString().ToLowerInvariant(),
            Subject = key.Subject,
            Unit = first.Unit,
            Runs = all.Length,
            Median = median,
            Sd = NoiseStatistics.StandardDeviation(all),
            Cv = NoiseStatistics.CoefficientOfVariation(all),
            RobustCv = NoiseStatistics.RobustCoefficientOfVariation(all),
            PairRatioSd = pairSd,
            OutlierRate = NoiseStatistics.OutlierRate(all),
            Drift = NoiseStatistics.Drift(all),
            Threshold = relativeThreshold,
            SmallestChange = [.. CheckedRuns.Select(n => new SmallestChange(n, Change(RunsNeededEstimate.SmallestChange(n, sampleSd, alpha), logScale)))],
            RunsNeeded = runsNeeded,
            TooNoisy = runsNeeded > MaxRunsPerSide,
        };
    }

    private static double Change(double shift, bool logScale) => logScale ? Math.Exp(shift) - 1 : shift;
}
