namespace RustScope.Core.Metrics;

/// <summary>
/// The one list of metrics: what each section of a budget file may name, the kind of value each takes, which ones a
/// comparison shows by default and which it may judge. The comparer, the budget parser and the docs follow it.
/// </summary>
public static class MetricCatalog
{
    /// <summary>
    /// Process metrics: wall time, CPU seconds (user + system of the tree, which the machine's load barely moves), peak
    /// resident memory, mean CPU as a share of a core (shown, never judged), GC count (when budgeted).
    /// </summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Process { get; } = Section(
        new("wall_time", QuantityKind.Time),
        new("cpu_time", QuantityKind.Time),
        new("peak_rss", QuantityKind.Bytes),
        new("cpu_mean", QuantityKind.Percent, Judging: MetricJudging.Never),
        new("gc_count", QuantityKind.Number, ComparedByDefault: false));

    /// <summary>Function metrics: latency percentiles and mean, bytes allocated per call, call count.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Functions { get; } = Section(
        new("p50", QuantityKind.Time),
        new("p95", QuantityKind.Time),
        new("p99", QuantityKind.Time, ComparedByDefault: false),
        new("mean", QuantityKind.Time),
        new("alloc_per_call", QuantityKind.Bytes),
        new("calls", QuantityKind.Number, Judging: MetricJudging.OnlyWithRule));

    /// <summary>
    /// Benchmark metrics: the median time per operation (each benchmark compared once), the mean (for its budget), bytes
    /// allocated per operation.
    /// </summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Benchmarks { get; } = Section(
        new("median", QuantityKind.Time),
        new("mean", QuantityKind.Time, ComparedByDefault: false),
        new("alloc_per_op", QuantityKind.Bytes));

    /// <summary>The metrics of <paramref name="kind"/>'s section.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Of(MetricKind kind) => kind switch
    {
        MetricKind.Process => Process,
        MetricKind.Function => Functions,
        _ => Benchmarks,
    };

    /// <summary>The definition of <paramref name="name"/> in <paramref name="kind"/>'s section, or null.</summary>
    public static MetricDefinition? Find(MetricKind kind, string name) => Of(kind).GetValueOrDefault(name);

    private static Dictionary<string, MetricDefinition> Section(params MetricDefinition[] metrics) =>
        metrics.ToDictionary(static m => m.Name, StringComparer.Ordinal);
}
