using RustScope.Core.Diagnostics;

namespace RustScope.Core.Budgets;

/// <summary>What the budget file says about one metric: an absolute budget and/or its own regression threshold.</summary>
/// <param name="Metric">The metric name (<c>p95</c>, <c>peak_rss</c>…).</param>
/// <param name="Budget">The absolute budget in the metric's base unit (ns, bytes, %, count), or null.</param>
/// <param name="Regression">A threshold for this metric only, or null.</param>
/// <param name="Location">Where the metric is written.</param>
public sealed record MetricRule(string Metric, double? Budget, ThresholdRule? Regression, SourceLocation Location);
