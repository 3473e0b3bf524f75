using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>The verdict on one metric, with the evidence behind it.</summary>
public sealed record MetricComparison
{
    /// <summary>What the metric belongs to.</summary>
    public required MetricKind Kind { get; init; }

    /// <summary>Function or benchmark name; null for process metrics.</summary>
    public string? Subject { get; init; }

    /// <summary>Metric name as in the budget file (<see cref="Metrics.MetricCatalog"/>): <c>wall_time</c>, <c>cpu_time</c>, <c>peak_rss</c>, <c>cpu_mean</c>, <c>p50</c>, <c>p95</c>, <c>mean</c>, <c>alloc_per_call</c>, <c>calls</c>, <c>median</c>…</summary>
    public required string Metric { get; init; }

    /// <summary>Unit of the values: <c>ns</c>, <c>s</c>, <c>MB</c>, <c>B</c>, <c>%</c> or <c>count</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>The judgement.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>
    /// Why, in one sentence, for verdicts that need it (Invalid, Missing, BudgetExceeded, Inconclusive, NotJudged,
    /// WithinBudget); for Inconclusive it says what was missing (a second run, less noise, more certainty) and how much.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// What <see cref="BaselineValue"/> and <see cref="HeadValue"/> are: the statistic of each side's samples whose change
    /// was tested; null when no side has a value.
    /// </summary>
    public SummaryStatistic? Statistic { get; init; }

    /// <summary>The baseline's <see cref="Statistic"/>.</summary>
    public double? BaselineValue { get; init; }

    /// <summary>Head's <see cref="Statistic"/>.</summary>
    public double? HeadValue { get; init; }

    /// <summary>The relative change of <see cref="Statistic"/>: <see cref="HeadValue"/> / <see cref="BaselineValue"/> − 1 (0.10 = 10 % larger).</summary>
    public double? Change { get; init; }

    /// <summary>Lower bound of the confidence interval of <see cref="Change"/>.</summary>
    public double? ChangeCiLow { get; init; }

    /// <summary>Upper bound of the confidence interval of <see cref="Change"/>.</summary>
    public double? ChangeCiHigh { get; init; }

    /// <summary>Two-sided confidence level of the interval: 0.90 (its lower end is a one-sided 95 % bound), 1 for deterministic metrics.</summary>
    public double? ConfidenceLevel { get; init; }

    /// <summary>Raw one-sided p-value of the test in the direction of the change.</summary>
    public double? PValue { get; init; }

    /// <summary>How much the samples vary: each side's coefficient of variation, pooled (0.12 = ±12 %).</summary>
    public double? Noise { get; init; }

    /// <summary>The p-value after the multiple-comparison correction across every metric compared.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>The p-value of the equivalence test (TOST) against the threshold.</summary>
    public double? EquivalencePValue { get; init; }

    /// <summary>The test used (<see cref="TestNames"/>): <c>welch-t-log</c>, <c>paired-t-log</c> for interleaved runs, <c>welch-t-log-effective-n</c> for a benchmark's iterations, <c>mann-whitney-normal</c>, <c>deterministic</c>…</summary>
    public string? Test { get; init; }

    /// <summary>Baseline sample size.</summary>
    public int BaselineN { get; init; }

    /// <summary>Head sample size.</summary>
    public int HeadN { get; init; }

    /// <summary>Which samples were compared: <c>runs</c> (per-run aggregates), <c>benchmark</c> (iterations of one run) or <c>single</c> (one value a side); <c>base/head</c> when the sides differ.</summary>
    public string? Samples { get; init; }

    /// <summary>The regression threshold applied.</summary>
    public RegressionThreshold? Threshold { get; init; }

    /// <summary>The absolute budget, in <see cref="Unit"/>, when one applies.</summary>
    public double? Budget { get; init; }

    /// <summary>Where the budget or threshold that applied is written.</summary>
    public SourceLocation? BudgetLocation { get; init; }

    /// <summary>For Inconclusive: runs per side estimated to decide it.</summary>
    public int? RunsNeeded { get; init; }
}
