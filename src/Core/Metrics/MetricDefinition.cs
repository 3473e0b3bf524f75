namespace RustScope.Core.Metrics;

/// <summary>One metric a comparison can read and a budget file can name.</summary>
/// <param name="Name">The name in the budget file and every report: <c>wall_time</c>, <c>p95</c>…</param>
/// <param name="Kind">What its values measure, and so which units its budget takes.</param>
/// <param name="ComparedByDefault">True when every comparison shows it; otherwise only when a budget names it.</param>
/// <param name="Judging">Whether its change can be a regression.</param>
public sealed record MetricDefinition(string Name, QuantityKind Kind, bool ComparedByDefault = true, MetricJudging Judging = MetricJudging.Judged);
