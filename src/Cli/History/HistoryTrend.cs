using MathNet.Numerics.Statistics;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>A metric's history on one host as a trend (one point per commit: the median of its runs) with its change points.</summary>
internal static class HistoryTrend
{
    /// <summary>
    /// The trend <c>history trend</c> shows: <paramref name="metric"/> as the comparison tables name it, of
    /// <paramref name="target"/> (default the store's only one) on <paramref name="host"/> (default the host with the
    /// most sessions); with the hosts that ran the target, most sessions first.
    /// </summary>
    /// <exception cref="Core.Diagnostics.InputException">No such metric or target, or no sessions of the target.</exception>
    public static (MetricTrend Trend, IReadOnlyList<HostSummary> Hosts) Of(IHistoryStore store, string metric, string? target, string? host, string? branch)
    {
        var name = HistoryTarget.Resolve(store, target);
        var (subject, metricName) = MetricName.Split(metric);
        var stored = store.FindMetrics(subject, metricName) is [var first, ..] ? first : throw HistoryAction.Invalid($"the history {store.Location} has no metric '{metric}'");
        var hosts = store.Hosts(name);
        var fingerprint = host ?? (hosts.Count > 0 ? hosts[0].Fingerprint : throw HistoryAction.Invalid($"the history {store.Location} has no sessions of {name}"));
        return (Build(store, stored, name, fingerprint, branch), hosts);
    }

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
