using RustScope.Core.Metrics;

namespace RustScope.History;

/// <summary>
/// A metric as the history names it: <c>wall_time</c> for the process, <c>SUBJECT METRIC</c> for a function's or a
/// benchmark's (<c>Shop.Checkout p95</c>), the way the comparison tables name them.
/// </summary>
/// <param name="Kind">The section the metric belongs to.</param>
/// <param name="Subject">The function or benchmark; empty for the process.</param>
/// <param name="Metric">The catalog's metric name.</param>
internal sealed record MetricName(MetricKind Kind, string Subject, string Metric)
{
    /// <summary>The kind, subject and metric <paramref name="text"/> names, without the kind when a subject is given
    /// (a function or a benchmark: the store knows which).</summary>
    public static (string Subject, string Metric) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? ("", trimmed) : (trimmed[..space].TrimEnd(), trimmed[(space + 1)..]);
    }

    public override string ToString() => Subject.Length == 0 ? Metric : $"{Subject} {Metric}";
}
