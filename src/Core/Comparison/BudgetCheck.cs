using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// The absolute budget rule: head's typical value — the median of its samples, or for a benchmark's mean the mean of
/// its iterations — against the budget, in the direction the rule gives. Whatever a comparison shows beside it, the
/// reason names the value and statistic the budget was checked against.
/// </summary>
internal static class BudgetCheck
{
    /// <summary>The value a budget bounds, with its statistic and the samples behind it; null without a finite sample.</summary>
    public static (SummaryStatistic Statistic, double Value, int Count)? Typical(MetricKey key, MetricSeries series)
    {
        double[] values = [.. series.Values.Where(double.IsFinite)];
        if (values.Length == 0)
        {
            return null;
        }

        var statistic = MetricCatalog.BenchmarkMean.Is(key.Kind, key.Metric) ? SummaryStatistic.Mean : SummaryStatistic.Median;
        return (statistic, Summaries.Of(statistic, values), values.Length);
    }

    /// <summary>
    /// <paramref name="comparison"/> turned BudgetExceeded when head's typical value breaks the budget, else null; never
    /// for a metric that is never judged (<see cref="NotJudgedReason"/>).
    /// </summary>
    public static MetricComparison? Exceeded(MetricComparison comparison, MetricKey key, MetricSeries series, ResolvedRule rule) =>
        rule.Budget is { } budget && !NotJudgedReason.Never(key)
            && Typical(key, series) is { } typical && Broken(typical.Value, budget, rule)
            ? comparison with { Verdict = Verdict.BudgetExceeded, Reason = Reason(typical, series, comparison.Unit, budget, rule) }
            : null;

    /// <summary>What head's typical value is against the budget, in one clause: <c>210 MB (median of 5 runs) exceeds the budget of 200 MB</c>.</summary>
    public static string Reason((SummaryStatistic Statistic, double Value, int Count) typical, MetricSeries series, string unit, double budget, ResolvedRule rule)
    {
        var relation = !Broken(typical.Value, budget, rule) ? "is within" : rule.LowerIsBetter ? "exceeds" : "falls short of";
        var statistic = StatisticText.Of(typical.Statistic, 0, typical.Count, series.Source);
        return $"{NumberText.Value(typical.Value, unit)} ({statistic}) {relation} the budget of {NumberText.Value(budget, unit)}";
    }

    private static bool Broken(double value, double budget, ResolvedRule rule) => rule.LowerIsBetter ? value > budget : value < budget;
}
