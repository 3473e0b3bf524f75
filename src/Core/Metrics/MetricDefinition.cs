namespace RustScope.Core.Metrics;

/// <summary>
/// One metric a comparison can read and a budget file can name, with everything the comparer, the budget parser and
/// the reports need to know about it: the one place its name, unit and direction are written.
/// </summary>
/// <param name="Section">What it belongs to: the process, a function or a benchmark.</param>
/// <param name="Name">The name in the budget file and every report: <c>wall_time</c>, <c>p95</c>…</param>
/// <param name="Kind">What its values measure, and so which units its budget takes.</param>
/// <param name="Unit">The unit its values are read and shown in: <c>s</c>, <c>ns</c>, <c>MB</c>, <c>B</c>, <c>%</c>, <c>count</c>.</param>
/// <param name="Scale">Base units of <paramref name="Kind"/> (ns, bytes) per <paramref name="Unit"/>: 1e9 for seconds, 1e6 for MB.</param>
/// <param name="Direction">Which way is worse unless the budget file gives the metric's group a direction.</param>
/// <param name="Deterministic">
/// True when the metric is usually free of run-to-run noise (bytes allocated, call counts): judged without a test when
/// each side's values are identical.
/// </param>
/// <param name="ComparedByDefault">True when every comparison shows it; otherwise only when a budget names it.</param>
/// <param name="Judging">Whether its change can be a regression.</param>
public sealed record MetricDefinition(
    MetricKind Section,
    string Name,
    QuantityKind Kind,
    string Unit,
    double Scale = 1,
    MetricDirection Direction = MetricDirection.LowerIsBetter,
    bool Deterministic = false,
    bool ComparedByDefault = true,
    MetricJudging Judging = MetricJudging.Judged)
{
    /// <summary>True when <paramref name="section"/> and <paramref name="name"/> are this metric's.</summary>
    public bool Is(MetricKind section, string name) => Section == section && string.Equals(Name, name, StringComparison.Ordinal);
}
