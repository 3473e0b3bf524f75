namespace RustScope.History;

/// <summary>One row of <c>metric_values</c>: a metric's value in one run of one stored session.</summary>
internal readonly record struct ValueRow(long Metric, long Session, int Run, double Value);
