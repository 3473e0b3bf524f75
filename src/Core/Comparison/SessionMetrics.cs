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
        // Sized for every metric at once (six per function, three per benchmark): 70 000 keys never rehash.
        var metrics = new Dictionary<MetricKey, MetricSeries>(8 + (6 * session.Functions.Count) + (3 * session.Benchmarks.Count));
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

        void Add(MetricDefinition metric, Func<RunAggregate, double> perRun, double single) =>
            metrics[MetricKey.Of(metric, null)] = runs is null
                ? MetricSeries.Of(metric, [single], "single")
                : MetricSeries.Of(metric, [.. runs.Select(perRun)], "runs", [.. runs.Select(static r => r.Index)]);

        Add(MetricCatalog.WallTime, static r => r.WallTimeS, session.Summary.DurationS);
        Add(MetricCatalog.PeakRss, static r => r.PeakRssMb, session.Summary.PeakRssMb);
        Add(MetricCatalog.CpuMean, static r => r.CpuPctMean, session.Summary.CpuPctMean);
        // Sessions written before the kernel's CPU accounting was recorded read as 0 CPU seconds: no value, not a zero.
        if (session.Summary.CpuS > 0 || (runs?.Any(static r => r.CpuS > 0) ?? false))
        {
            Add(MetricCatalog.CpuTime, static r => r.CpuS, session.Summary.CpuS);
        }

        if (session.Samples.Any(static s => s.Gen0Gcs is not null))
        {
            // Every collection collects generation 0, so the gen-0 count is the count of all collections.
            metrics[MetricKey.Of(MetricCatalog.GcCount, null)] = MetricSeries.Of(MetricCatalog.GcCount, [session.Samples.Sum(static s => s.Gen0Gcs ?? 0)], "single");
        }
    }

    /// <summary>Why a metric a budget names has no value in a session.</summary>
    public static string Absent(MetricKey key) => MetricCatalog.GcCount.Is(key.Kind, key.Metric)
        ? $"the session has no GC counts (samples[] carry gen0_gcs only for .NET targets sampled through EventPipe), so the {key.Metric} budget cannot be checked"
        : $"the session has no value for {key.Metric}, so its budget cannot be checked";

    private static void AddFunctions(Dictionary<MetricKey, MetricSeries> metrics, ProfileSession session, IReadOnlyList<RunAggregate>? runs)
    {
        // Only instrumented functions have latencies; sampled ones carry CPU shares, which are not budgets.
        var perRun = runs is null
            ? session.Functions.Select(static f => new FunctionSample(0, f.Name, f.LatencyNs, f.AllocBytesPerCall, f.Calls ?? 0))
            : runs.SelectMany(static r => r.Functions.Select(f => new FunctionSample(r.Index, f.Name, f.LatencyNs, f.AllocBytesPerCall, f.Calls)));
        var source = runs is null ? "single" : "runs";
        // Grouped by hand, in the order names first appear: an ordinal string dictionary hashes far faster than GroupBy's
        // lookup, and 10 000 functions in 5 runs are 50 000 names a side.
        var groups = new Dictionary<string, int>(session.Functions.Count, StringComparer.Ordinal);
        var functions = new List<List<FunctionSample>>(session.Functions.Count);
        foreach (var sample in perRun)
        {
            if (sample.Latency is null)
            {
                continue;
            }

            if (!groups.TryGetValue(sample.Name, out var group))
            {
                groups.Add(sample.Name, group = functions.Count);
                functions.Add(new List<FunctionSample>(runs?.Count ?? 1));
            }

            functions[group].Add(sample);
        }

        foreach (var function in functions)
        {
            var name = function[0].Name;
            var indexes = runs is null ? null : function.ConvertAll(static f => f.Run);
            Series(MetricCatalog.P50, static f => f.Latency!.P50);
            Series(MetricCatalog.P95, static f => f.Latency!.P95);
            Series(MetricCatalog.P99, static f => f.Latency!.P99);
            Series(MetricCatalog.FunctionMean, static f => f.Latency!.Mean);
            Series(MetricCatalog.Calls, static f => f.Calls);
            if (function.TrueForAll(static f => f.Alloc is not null))
            {
                Series(MetricCatalog.AllocPerCall, static f => f.Alloc!.Value);
            }

            void Series(MetricDefinition metric, Func<FunctionSample, double> value)
            {
                var values = new double[function.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = value(function[i]);
                }

                metrics[MetricKey.Of(metric, name)] = MetricSeries.Of(metric, values, source, indexes);
            }
        }
    }

    private static void AddBenchmarks(Dictionary<MetricKey, MetricSeries> metrics, ProfileSession session, IReadOnlyList<RunAggregate>? runs)
    {
        // One pass over the runs, not one per benchmark: 10 000 benchmarks in 5 runs must stay linear.
        var medians = runs?.SelectMany(r => r.Benchmarks.Select(b => (b.Name, Run: r.Index, b.Median)))
            .ToLookup(static b => b.Name, static b => (b.Run, b.Median), StringComparer.Ordinal);
        foreach (var benchmark in session.Benchmarks)
        {
            var perRun = medians?[benchmark.Name].ToArray();
            var median = perRun is { Length: >= 2 }
                ? MetricSeries.Of(MetricCatalog.Median, [.. perRun.Select(static b => b.Median)], "runs", [.. perRun.Select(static b => b.Run)])
                : MetricSeries.Of(MetricCatalog.Median, benchmark.Samples, "benchmark");
            metrics[MetricKey.Of(MetricCatalog.Median, benchmark.Name)] = InUnitOf(benchmark, median);
            metrics[MetricKey.Of(MetricCatalog.BenchmarkMean, benchmark.Name)] = InUnitOf(benchmark, MetricSeries.Of(MetricCatalog.BenchmarkMean, benchmark.Samples, "benchmark"));
            if (benchmark.AllocBytesPerOp is { } alloc)
            {
                metrics[MetricKey.Of(MetricCatalog.AllocPerOp, benchmark.Name)] = MetricSeries.Of(MetricCatalog.AllocPerOp, [alloc], "benchmark");
            }
        }
    }

    /// <summary>
    /// A benchmark's times in the unit the session records them in: its base units per value for a duration, a plain
    /// number for anything else (ops/s).
    /// </summary>
    private static MetricSeries InUnitOf(BenchmarkResult benchmark, MetricSeries series) =>
        Quantity.TryParse("1" + benchmark.Unit, out var one) && one.Kind == QuantityKind.Time
            ? series with { Unit = benchmark.Unit, QuantityKind = QuantityKind.Time, UnitScale = one.Value }
            : series with { Unit = benchmark.Unit, QuantityKind = QuantityKind.Number, UnitScale = 1 };
}
