using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>A metric in words, the same in every report: its name, its verdict, and one sentence with the evidence.</summary>
public static class MetricText
{
    /// <summary>What a metric is, for headings and test names: <c>wall_time</c> or <c>Shop.Pay p95</c>.</summary>
    public static string Subject(MetricComparison metric) => metric.Subject is null ? metric.Metric : $"{metric.Subject} {metric.Metric}";

    // Every verdict's word, made once: reports ask for one or two per metric. Verdicts are numbered from 0 without
    // gaps, so a verdict is its own index.
    private static readonly string[] Words = [.. Enum.GetValues<Verdict>().Select(Word)];

    /// <summary>The verdict's word.</summary>
    public static string Verdict(Verdict verdict) => (uint)verdict < (uint)Words.Length ? Words[(int)verdict] : Word(verdict);

    /// <summary>
    /// One sentence on a metric, for failure messages, annotations and the console's notes: the change of the statistic
    /// with its evidence for Regressed and Improved, the comparer's reason for every other verdict that has one.
    /// </summary>
    public static string Sentence(MetricComparison metric) => metric.Verdict switch
    {
        Core.Statistics.Verdict.Regressed or Core.Statistics.Verdict.Improved =>
            $"{Subject(metric)} {Verdict(metric.Verdict)} {NumberText.Change(metric.Change)} ({StatisticText.Of(metric)}: {NumberText.Value(metric.BaselineValue, metric.Unit)} → {NumberText.Value(metric.HeadValue, metric.Unit)}, " +
            $"{(metric.ConfidenceLevel is { } level ? $"{NumberText.Percent(level)} " : string.Empty)}CI {NumberText.Interval(metric)}, adjusted p {NumberText.PValue(metric.AdjustedPValue)}, threshold {NumberText.Threshold(metric.Threshold, metric.Unit)})",
        _ => $"{Subject(metric)} {Verdict(metric.Verdict)}{(metric.Reason is { } reason ? $": {reason}" : string.Empty)}",
    };

    private static string Word(Verdict verdict) => verdict switch
    {
        Core.Statistics.Verdict.BudgetExceeded => "over budget",
        Core.Statistics.Verdict.WithinBudget => "within budget",
        Core.Statistics.Verdict.NotJudged => "not judged",
        Core.Statistics.Verdict.EnvironmentChanged => "environment changed",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
