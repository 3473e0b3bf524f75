namespace RustScope.Core.Budgets;

/// <summary>The metrics each section of a budget file may name, with the kind of value each takes.</summary>
public static class BudgetMetrics
{
    /// <summary>Process metrics: wall time, peak resident memory, mean CPU (% of one core), GC count.</summary>
    public static IReadOnlyDictionary<string, QuantityKind> Process { get; } = new Dictionary<string, QuantityKind>(StringComparer.Ordinal)
    {
        ["wall_time"] = QuantityKind.Time,
        ["peak_rss"] = QuantityKind.Bytes,
        ["cpu_mean"] = QuantityKind.Percent,
        ["gc_count"] = QuantityKind.Number,
    };

    /// <summary>Function metrics: latency percentiles and mean, bytes allocated per call, call count.</summary>
    public static IReadOnlyDictionary<string, QuantityKind> Functions { get; } = new Dictionary<string, QuantityKind>(StringComparer.Ordinal)
    {
        ["p50"] = QuantityKind.Time,
        ["p95"] = QuantityKind.Time,
        ["p99"] = QuantityKind.Time,
        ["mean"] = QuantityKind.Time,
        ["alloc_per_call"] = QuantityKind.Bytes,
        ["calls"] = QuantityKind.Number,
    };

    /// <summary>Benchmark metrics: median and mean time per operation, bytes allocated per operation.</summary>
    public static IReadOnlyDictionary<string, QuantityKind> Benchmarks { get; } = new Dictionary<string, QuantityKind>(StringComparer.Ordinal)
    {
        ["median"] = QuantityKind.Time,
        ["mean"] = QuantityKind.Time,
        ["alloc_per_op"] = QuantityKind.Bytes,
    };
}
