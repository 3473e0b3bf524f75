using MathNet.Numerics.Statistics;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>A metric's history on one host as a trend (one point per commit: the median of its runs) with its change points.</summary>
internal static class HistoryTrend
{
    public static MetricTrend Build(IHistoryStore store, StoredMetric metric, string target, string host, string? branch, ChangePointOptions? options = null)
    {
        var points = store.Series(metric, target, host, branch)
            .Select(static c => new TrendPoint(c.Commit, c.Time, c.Values.Median(), c.Values.Count))
            .ToList();
        return new MetricTrend(metric.Name.ToString(), metric.Unit, target, points, ChangePointDetector.Detect(points, options));
    }

    /// <summary>
    /// The steps of <paramref name="trend"/> recent enough to report after a main-branch push: those whose new level began
    /// within the last <paramref name="window"/> commits, so each step is reported on the few pushes after it is first
    /// seen, not forever.
    /// </summary>
    public static IEnumerable<ChangePoint> Recent(MetricTrend trend, int window) =>
        trend.ChangePoints.Where(c => c.Index >= trend.Points.Count - window);
}
