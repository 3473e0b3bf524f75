using RustScope.Core.Statistics.ChangePoints;

namespace RustScope.Reporters.Html;

/// <summary>What the trend page reads (src/Viewer/src/types.ts, <c>TrendPayload</c>).</summary>
/// <param name="Title">The page's heading.</param>
/// <param name="Trends">The metrics shown.</param>
internal sealed record TrendPayload(string Title, IReadOnlyList<MetricTrend> Trends);
