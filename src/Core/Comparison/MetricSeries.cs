using RustScope.Core.Metrics;

namespace RustScope.Core.Comparison;

/// <summary>One side's samples of one metric, in the metric's unit, and where they came from.</summary>
/// <param name="Values">The samples.</param>
/// <param name="Source"><c>runs</c> (one per run: independent), <c>single</c> (one value), or <c>benchmark</c> (iterations of one run).</param>
/// <param name="Unit">Unit of <paramref name="Values"/>.</param>
/// <param name="QuantityKind">What the values measure, to match budgets and absolute thresholds.</param>
/// <param name="UnitScale">Base units (ns, bytes) per unit of the values: a budget in base units divided by it is in the metric's unit.</param>
/// <param name="Deterministic">True for metrics that are usually free of run-to-run noise (bytes allocated per call, call counts): judged without a test when each side's samples are identical.</param>
/// <param name="Runs">The run index of each value when the values are per-run aggregates, so the runs of an interleaved series can be paired; null otherwise.</param>
internal sealed record MetricSeries(IReadOnlyList<double> Values, string Source, string Unit, QuantityKind QuantityKind, double UnitScale, bool Deterministic, IReadOnlyList<int>? Runs = null)
{
    /// <summary>Values of <paramref name="metric"/>, in the unit the catalog gives it.</summary>
    public static MetricSeries Of(MetricDefinition metric, IReadOnlyList<double> values, string source, IReadOnlyList<int>? runs = null) =>
        new(values, source, metric.Unit, metric.Kind, metric.Scale, metric.Deterministic, runs);
}
