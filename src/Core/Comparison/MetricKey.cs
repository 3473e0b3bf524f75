using RustScope.Core.Metrics;

namespace RustScope.Core.Comparison;

/// <summary>Identifies one metric of a session: the process's wall time, a function's p95, a benchmark's median…</summary>
internal readonly record struct MetricKey(MetricKind Kind, string? Subject, string Metric)
{
    /// <summary><paramref name="metric"/> of <paramref name="subject"/> (null for the process).</summary>
    public static MetricKey Of(MetricDefinition metric, string? subject) => new(metric.Section, subject, metric.Name);
}
