using RustScope.Core.Budgets;
using RustScope.Core.Metrics;
using RustScope.Core.Model;

namespace RustScope.Core.Comparison;

/// <summary>
/// Reads the comparable metrics out of a session. Per-run aggregates (<c>runs[]</c>, independent samples) are used
/// when the session has at least two runs; otherwise each metric has the session's single value, or for benchmarks
/// the raw iterations of the one run. The GC count comes from <c>samples[]</c>, which hold the last run only.
/// </summary>
internal static class SessionMetrics
{
    public static Dictionary<MetricKey, MetricSeries> Extract(ProfileSession session)
    {
        var metrics = new Dictionary<MetricKey, MetricSeries>();
        var runs = session.Runs.Count >= 2 ? session.Runs : null;
        AddProcess(metrics, session, runs);
        AddFunctions(metrics, session, runs);
        AddBenchmarks(metrics, session, runs);
        return metrics;
    }

    /// <summary>
    /// True when the comparison can use independent samples: per-run aggregates, or a session that measured no process
    /// (a BenchmarkDotNet import, whose iterations are its samples).
    /// </summary>
    public static bool HasRuns(ProfileSession session) => session.Runs.Count >= 2 || !MeasuredProcess(session);

    // An imported benchmark export carries an empty summary: no duration, no samples, and runs (its launches) that
    // timed no process. Its zeros are no data.
    private static bool MeasuredProcess(ProfileSession session) =>
        session.Runs.Any(static r => r.WallTimeS > 0) || session.Samples.Count > 0 || session.Summary.DurationS > 0;

    private static void AddProcess(Dictionary<MetricKey, MetricSeries> metrics, ProfileSession session, IReadOnlyList<RunAggregate>? runs)
    {
        if (!MeasuredProcess(session))
        {
            return;
        }

        void Add(string metric, Func<RunAggregate, double> perRun, double single, string unit, QuantityKind kind, double scale) =>
            metrics[new(MetricKind.Process, null, metric)] = runs is null
                ? new([single], "single", unit, kind, scale, false)
                : new([.. runs.Select(perRun)], "runs", unit, kind, scale, false, [.. runs.Select(static r => r.Index)]);

        Add("wall_time", static r => r.WallTimeS, session.Summary.DurationS, "s", QuantityKind.Time, 1e9);
        Add("peak_rss", static r => r.PeakRssMb, session.Summary.PeakRssMb, "MB", QuantityKind.Bytes, 1e6);
        Add("cpu_mean", static r => r.CpuPctMean, session.Summary.CpuPctMean, "%", QuantityKind.Percent, 1);
        // Sessions written before the kernel's CPU accounting was recorded read as 0 CPU seconds: no value, not a zero.
        if (session.Summary.CpuS > 0 || (runs?.Any(static r => r.CpuS > 0) ?? false))
        {
            Add("cpu_time", static r => r.CpuS, session.Summary.CpuS, "s", QuantityKind.Time, 1e9);
        }

        if (session.Samples.Any(static s => s.Gen0Gcs is not null))
        {
            // Every collection collects generation 0, so the gen-0 count is the count of all collections.
            metrics[GcCount] = new([session.Samples.Sum(static s => s.Gen0Gcs ?? 0)], "single", "count", QuantityKind.Number, 1, false);
        }
    }

    /// <summary>The process's garbage collections, present only when the session's samples carry GC counts.</summary>
    public static MetricKey GcCount { get; } = new(MetricKind.Process, null, "gc_count");

    /// <summary>Why a metric a budget names has no value in a session.</summary>
    public static string Absent(MetricKey key) => key == GcCount
        ? "the session has no GC counts (samples[] carry gen0_gcs only for .NET targets sampled through EventPipe), so the gc_count budget cannot be checked"
        : $"the session has no value for {key.Metric}, so its budget cannot be checked";

    private static void AddFunctions(Dictionary<MetricKey, MetricSeries> metrics, ProfileSession session, IReadOnlyList<RunAggregate>? runs)
    {
        // Only instrumented functions have latencies; sampled ones carry CPU shares, which are not budgets.
        IEnumerable<(int Run, string Name, LatencyStats? Latency, double? Alloc, long Calls)> perRun = runs is null
            ? session.Functions.Select(f => (0, f.Name, f.LatencyNs, f.AllocBytesPerCall, f.Calls ?? 0))
            : runs.SelectMany(r => r.Functions.Select(f => (r.Index, f.Name, f.LatencyNs, f.AllocBytesPerCall, f.Calls)));
        var source = runs is null ? "single" : "runs";
        foreach (var function in perRun.Where(f => f.Latency is not null).GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var latencies = function.Select(f => f.Latency!).ToArray();
            int[]? indexes = runs is null ? null : [.. function.Select(f => f.Run)];
            void Add(string metric, double[] values, string unit, QuantityKind kind, bool deterministic) =>
                metrics[new(MetricKind.Function, function.Key, metric)] = new(values, source, unit, kind, 1, deterministic, indexes);

            Add("p50", [.. latencies.Select(l => l.P50)], "ns", QuantityKind.Time, false);
            Add("p95", [.. latencies.Select(l => l.P95)], "ns", QuantityKind.Time, false);
            Add("p99", [.. latencies.Select(l => l.P99)], "ns", QuantityKind.Time, false);
            Add("mean", [.. latencies.Select(l => l.Mean)], "ns", QuantityKind.Time, false);
            Add("calls", [.. function.Select(f => (double)f.Calls)], "count", QuantityKind.Number, true);
            if (function.All(f => f.Alloc is not null))
            {
                Add("alloc_per_call", [.. function.Select(f => f.Alloc!.Value)], "B", QuantityKind.Bytes, true);
            }
        }
    }

    private static void AddBenchmarks(Dictionary<MetricKey, MetricSeries> metrics, ProfileSession session, IReadOnlyList<RunAggregate>? runs)
    {
        foreach (var benchmark in session.Benchmarks)
        {
            var perRun = runs?.SelectMany(r => r.Benchmarks.Where(b => b.Name == benchmark.Name).Select(b => (Run: r.Index, b.Median))).ToArray();
            var key = new MetricKey(MetricKind.Benchmark, benchmark.Name, "median");
            var (kind, scale) = TimeUnit(benchmark.Unit);
            metrics[key] = perRun is { Length: >= 2 }
                ? new([.. perRun.Select(static b => b.Median)], "runs", benchmark.Unit, kind, scale, false, [.. perRun.Select(static b => b.Run)])
                : new(benchmark.Samples, "benchmark", benchmark.Unit, kind, scale, false);
            metrics[key with { Metric = "mean" }] = new(benchmark.Samples, "benchmark", benchmark.Unit, kind, scale, false);
            if (benchmark.AllocBytesPerOp is { } alloc)
            {
                metrics[key with { Metric = "alloc_per_op" }] = new([alloc], "benchmark", "B", QuantityKind.Bytes, 1, true);
            }
        }
    }

    /// <summary>Nanoseconds per unit of a benchmark's samples; a unit that is not a duration (ops/s) is a plain number.</summary>
    private static (QuantityKind Kind, double Scale) TimeUnit(string unit) =>
        Quantity.TryParse("1" + unit, out var one) && one.Kind == QuantityKind.Time ? (QuantityKind.Time, one.Value) : (QuantityKind.Number, 1);
}
