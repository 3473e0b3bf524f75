using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Tests;

/// <summary>A fixed comparison with every verdict and hostile names, for the approval tests.</summary>
internal static class Samples
{
    public const string HostileName = "Shop.<script>alert(1)</script>|`rm -rf`]]>\u001b[31m\u0001*_[x](y)\nnext";

    private static readonly SourceLocation Budget = new("rustscope.yml", 12, 7);

    public static ComparisonResult Result() => new()
    {
        Baseline = "perf/baseline.json",
        Head = "rustscope-last.json",
        BudgetFile = "rustscope.yml",
        Alpha = 0.01,
        Correction = "benjamini-hochberg",
        Targets =
        [
            new TargetComparison
            {
                Name = "checkout",
                Metrics =
                [
                    Metric(MetricKind.Process, null, "wall_time", "s", Verdict.Regressed, 2.0, 2.6) with { AdjustedPValue = 0.00012, PValue = 0.00004, BudgetLocation = Budget, Budget = 10 },
                    Metric(MetricKind.Function, HostileName, "p95", "ns", Verdict.Regressed, 1_500_000, 2_100_000) with { AdjustedPValue = 0.003, BudgetLocation = new SourceLocation("rustscope.yml", 14, 30) },
                    Metric(MetricKind.Process, null, "peak_rss", "MB", Verdict.BudgetExceeded, 180, 210) with { Budget = 200, BudgetLocation = new SourceLocation("rustscope.yml", 12, 20), Reason = "210.4 MB (median of 10 runs) exceeds the budget of 200 MB" },
                    Metric(MetricKind.Function, "Shop.Cart.Add", "mean", "ns", Verdict.Inconclusive, 1000, 1040) with
                    {
                        RunsNeeded = 24,
                        Noise = 0.06,
                        Reason = "too noisy for 10 runs a side: the 90 % interval [-1.0 %, +9.0 %] reaches across the 5 % and 100 µs threshold; runs vary by ±6 %; about 24 runs a side would decide it",
                    },
                    Metric(MetricKind.Benchmark, "pay", "median", "ns", Verdict.Improved, 800, 600) with { AdjustedPValue = 0.0008, Statistic = SummaryStatistic.Median, Samples = "benchmark", BaselineN = 200, HeadN = 180, Test = "mann-whitney-normal" },
                    Metric(MetricKind.Process, null, "cpu_time", "s", Verdict.Unchanged, 1.9, 1.91),
                    Metric(MetricKind.Process, null, "cpu_mean", "%", Verdict.NotJudged, 95, 95.5) with
                    {
                        AdjustedPValue = null,
                        Reason = "cpu_mean is a share of a core, which rises when the machine gets quieter and falls when it is busy, so it moves opposite to wall time and neither direction is worse: it is shown, never judged; gate on cpu_time (CPU seconds) instead",
                    },
                    OneSide(Metric(MetricKind.Function, "Shop.Old", "p50", "ns", Verdict.Missing, 100, null)) with { Reason = "only in the baseline", HeadN = 0 },
                    OneSide(Metric(MetricKind.Function, "Shop.Cart.Add", "alloc_per_call", "B", Verdict.Invalid, null, null)) with { Reason = "The head sample #2 is NaN." },
                    OneSide(Metric(MetricKind.Function, "Shop.New", "p99", "ns", Verdict.New, null, 2500)) with { Reason = "only in head", BaselineN = 0 },
                    Metric(MetricKind.Function, "Shop.Cart.Add", "calls", "count", Verdict.NotJudged, 1000, 1200) with
                    {
                        Statistic = SummaryStatistic.Median,
                        Test = "deterministic",
                        ConfidenceLevel = 1,
                        ChangeCiLow = 0.2,
                        ChangeCiHigh = 0.2,
                        PValue = null,
                        AdjustedPValue = null,
                        Reason = "more calls is better for a fixed-duration workload and worse for fixed work, and only the budget file can say which: give 'calls' a budget, a regression threshold or a direction to gate it",
                    },
                ],
            },
            new TargetComparison
            {
                Name = "search",
                Metrics =
                [
                    Metric(MetricKind.Process, null, "wall_time", "s", Verdict.EnvironmentChanged, 0.46, 1.14) with
                    {
                        AdjustedPValue = 0.0004,
                        Reason = "+147.8 % (slower), but the machine changed (base ran with other processes using 3 % of the CPUs, head with 71 %) and cpu_time did not regress (-0.9 %): the change is not attributed to the code",
                    },
                    Metric(MetricKind.Process, null, "cpu_time", "s", Verdict.Unchanged, 0.446, 0.442),
                ],
            },
        ],
        Warnings =
        [
            "baseline and head were recorded on different hosts (CPU: A vs B): differences may come from the machine, not the code",
            "base and head ran under materially different machine conditions (base ran with other processes using 3 % of the CPUs, head with 71 %): wall-clock figures measure the machine as much as the code; wall_time is judged only where cpu_time agrees",
        ],
    };

    /// <summary>A regression from a zero baseline: the change and its upper bound are +∞, the p-value unknown.</summary>
    public static ComparisonResult WithInfiniteChange() => Result() with
    {
        Targets =
        [
            new TargetComparison
            {
                Name = "startup",
                Metrics =
                [
                    Metric(MetricKind.Function, "Shop.Init", "alloc_per_call", "B", Verdict.Regressed, 0, 512) with
                    {
                        Change = double.PositiveInfinity,
                        ChangeCiLow = 4,
                        ChangeCiHigh = double.PositiveInfinity,
                        PValue = double.NaN,
                        AdjustedPValue = double.NaN,
                        BudgetLocation = Budget,
                    },
                ],
            },
        ],
    };

    // A metric with a value on one side or none: nothing was tested, so there is no change, interval or p-value.
    private static MetricComparison OneSide(MetricComparison metric) => metric with
    {
        Statistic = metric.BaselineValue is null && metric.HeadValue is null ? null : SummaryStatistic.Median,
        Change = null,
        ChangeCiLow = null,
        ChangeCiHigh = null,
        ConfidenceLevel = null,
        Noise = null,
        PValue = null,
        AdjustedPValue = null,
        Test = null,
    };

    private static MetricComparison Metric(MetricKind kind, string? subject, string metric, string unit, Verdict verdict, double? baseline, double? head) => new()
    {
        Kind = kind,
        Subject = subject,
        Metric = metric,
        Unit = unit,
        Verdict = verdict,
        Statistic = SummaryStatistic.GeometricMean,
        BaselineValue = baseline,
        HeadValue = head,
        Change = baseline is { } b && head is { } h ? (h / b) - 1 : null,
        ChangeCiLow = baseline is { } b2 && head is { } h2 ? (h2 / b2) - 1.05 : null,
        ChangeCiHigh = baseline is { } b3 && head is { } h3 ? (h3 / b3) - 0.95 : null,
        ConfidenceLevel = 0.9,
        Noise = 0.03,
        PValue = 0.2,
        AdjustedPValue = 0.4,
        Test = "welch-t-log",
        BaselineN = 10,
        HeadN = 10,
        Samples = "runs",
        Threshold = new RegressionThreshold(0.05, unit == "ns" ? 100_000 : null),
    };
}
