namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>One metric's history over commits and the steps found in it: what the trend table and chart show.</summary>
/// <param name="Metric">The metric's name (e.g. <c>wall_time</c>).</param>
/// <param name="Unit">The unit of the values (e.g. <c>ms</c>).</param>
/// <param name="Target">The target (project) the runs belong to, when the history holds more than one.</param>
/// <param name="Points">The series, oldest commit first.</param>
/// <param name="ChangePoints">The steps found, in the order of the series.</param>
public sealed record MetricTrend(string Metric, string Unit, string? Target, IReadOnlyList<TrendPoint> Points,
    IReadOnlyList<ChangePoint> ChangePoints);
