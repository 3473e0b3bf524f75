using RustScope.Core.Metrics;

namespace RustScope.Core.Comparison;

/// <summary>Identifies one metric of a session: the process's wall time, a function's p95, a benchmark's median…</summary>
internal readonly record struct MetricKey(MetricKind Kind, string? Subject, string Metric);
