using RustScope.Core.Metrics;

namespace RustScope.Core.Comparison;

/// <summary>Why a metric is shown with its change but never called a regression or an improvement (<see cref="MetricJudging"/>).</summary>
internal static class NotJudgedReason
{
    /// <summary>True for a metric that nothing makes judged, not even invalid data or a budget (<see cref="MetricJudging.Never"/>).</summary>
    public static bool Never(MetricKey key) => MetricCatalog.Find(key.Kind, key.Metric)?.Judging == MetricJudging.Never;

    /// <summary>The reason <paramref name="key"/> is not judged under <paramref name="rule"/>, or null when it is judged.</summary>
    public static string? Of(MetricKey key, ResolvedRule rule) => MetricCatalog.Find(key.Kind, key.Metric)?.Judging switch
    {
        MetricJudging.Never =>
            $"{key.Metric} is a share of a core, which rises when the machine gets quieter and falls when it is busy, so it moves opposite to wall time and neither direction is worse: it is shown, never judged{(rule.Budget is null ? string.Empty : ", and its budget is not enforced")}; gate on {MetricCatalog.CpuTime.Name} (CPU seconds) instead",
        MetricJudging.OnlyWithRule when !rule.Explicit =>
            $"more {key.Metric} is better for a fixed-duration workload and worse for fixed work, and only the budget file can say which: give '{key.Metric}' a budget, a regression threshold or a direction to gate it",
        _ => null,
    };
}
