namespace RustScope.Core.Metrics;

/// <summary>
/// The one list of metrics: what each section of a budget file may name, the kind, unit and direction of its values,
/// which ones a comparison shows by default and which it may judge. The comparer, the budget parser, the collectors
/// and the docs follow it.
/// </summary>
public static class MetricCatalog
{
    /// <summary>The process tree's time from spawn to reap, in seconds.</summary>
    public static MetricDefinition WallTime { get; } = new(MetricKind.Process, "wall_time", QuantityKind.Time, "s", 1e9);

    /// <summary>
    /// User + system CPU seconds of the reaped tree, which the machine's load moves far less than wall time (unless the
    /// CPUs share a core, as virtual CPUs may: a busy sibling slows a loop's CPU seconds too).
    /// </summary>
    public static MetricDefinition CpuTime { get; } = new(MetricKind.Process, "cpu_time", QuantityKind.Time, "s", 1e9);

    /// <summary>Peak resident memory of the tree, in MB.</summary>
    public static MetricDefinition PeakRss { get; } = new(MetricKind.Process, "peak_rss", QuantityKind.Bytes, "MB", 1e6);

    /// <summary>Mean CPU as a share of a core: shown, never judged (<see cref="MetricJudging.Never"/>).</summary>
    public static MetricDefinition CpuMean { get; } = new(MetricKind.Process, "cpu_mean", QuantityKind.Percent, "%", Judging: MetricJudging.Never);

    /// <summary>Garbage collections of a .NET process, compared when budgeted.</summary>
    public static MetricDefinition GcCount { get; } = new(MetricKind.Process, "gc_count", QuantityKind.Number, "count", ComparedByDefault: false);

    /// <summary>A function's median latency, in ns.</summary>
    public static MetricDefinition P50 { get; } = new(MetricKind.Function, "p50", QuantityKind.Time, "ns");

    /// <summary>A function's 95th percentile latency, in ns.</summary>
    public static MetricDefinition P95 { get; } = new(MetricKind.Function, "p95", QuantityKind.Time, "ns");

    /// <summary>A function's 99th percentile latency, in ns, compared when budgeted.</summary>
    public static MetricDefinition P99 { get; } = new(MetricKind.Function, "p99", QuantityKind.Time, "ns", ComparedByDefault: false);

    /// <summary>A function's mean latency, in ns.</summary>
    public static MetricDefinition FunctionMean { get; } = new(MetricKind.Function, "mean", QuantityKind.Time, "ns");

    /// <summary>Bytes a function allocates per call.</summary>
    public static MetricDefinition AllocPerCall { get; } = new(MetricKind.Function, "alloc_per_call", QuantityKind.Bytes, "B", Deterministic: true);

    /// <summary>A function's calls: judged only with a rule (<see cref="MetricJudging.OnlyWithRule"/>).</summary>
    public static MetricDefinition Calls { get; } = new(MetricKind.Function, "calls", QuantityKind.Number, "count", Deterministic: true, Judging: MetricJudging.OnlyWithRule);

    /// <summary>
    /// A benchmark's median time per operation (each benchmark compared once), in ns unless the session records the
    /// benchmark in another unit, which its values then keep.
    /// </summary>
    public static MetricDefinition Median { get; } = new(MetricKind.Benchmark, "median", QuantityKind.Time, "ns");

    /// <summary>A benchmark's mean time per operation, for its budget; in the benchmark's unit like <see cref="Median"/>.</summary>
    public static MetricDefinition BenchmarkMean { get; } = new(MetricKind.Benchmark, "mean", QuantityKind.Time, "ns", ComparedByDefault: false);

    /// <summary>Bytes a benchmark allocates per operation.</summary>
    public static MetricDefinition AllocPerOp { get; } = new(MetricKind.Benchmark, "alloc_per_op", QuantityKind.Bytes, "B", Deterministic: true);

    /// <summary>Process metrics, by name.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Process { get; } = Section(WallTime, CpuTime, PeakRss, CpuMean, GcCount);

    /// <summary>Function metrics, by name.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Functions { get; } = Section(P50, P95, P99, FunctionMean, AllocPerCall, Calls);

    /// <summary>Benchmark metrics, by name.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Benchmarks { get; } = Section(Median, BenchmarkMean, AllocPerOp);

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
