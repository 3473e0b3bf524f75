namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>One point of a metric's history: one commit, whose value is the median of that commit's runs.</summary>
/// <param name="Commit">The commit (sha) the runs were made at.</param>
/// <param name="Time">When the commit's runs were made (or the commit's time), for the chart's axis and tooltips.</param>
/// <param name="Value">The metric's value at the commit: the median of its runs.</param>
/// <param name="Runs">How many runs the value summarises.</param>
public sealed record TrendPoint(string Commit, DateTimeOffset Time, double Value, int Runs);
