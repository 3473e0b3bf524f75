using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Attaches runtime counter reports to the recorder's per-second samples by timestamp, one to one: a report holds one
/// second's counts (GCs, allocated bytes), so giving it to two samples would count them twice. The closest pairs within
/// <see cref="MaxDistanceMs"/> are matched first; a sample whose nearest report went to a closer sample gets none.
/// Both clocks are the wall clock of this machine and both series tick once a second. With several .NET processes
/// each one's reports are matched on their own and added up: the tree's GCs, allocations, contentions, JIT work and
/// exceptions are the sums of its processes', its % time in GC the highest of them (percentages of different
/// processes' time do not add).
/// </summary>
internal static class CounterSampleMatcher
{
    public const long MaxDistanceMs = 1000;

    /// <summary>Attaches the reports of each process in turn (see <see cref="Attach"/>), adding them up per sample.</summary>
    public static IReadOnlyList<Sample> AttachAll(IReadOnlyList<Sample> samples, IReadOnlyList<IReadOnlyList<RuntimeCounterPoint>> processes) =>
        processes.Aggregate(samples, Attach);

    public static IReadOnlyList<Sample> Attach(IReadOnlyList<Sample> samples, IReadOnlyList<RuntimeCounterPoint> counters)
    {
        if (counters.Count == 0)
        {
            return samples;
        }

        var ordered = counters.OrderBy(c => c.Ts).ToArray();
        var times = ordered.Select(c => c.Ts).ToArray();
        var pairs = new List<(long Distance, int Sample, int Report)>();
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var ts = samples[sample].Ts;
            var first = Array.BinarySearch(times, ts - MaxDistanceMs);
            for (var report = first >= 0 ? first : ~first; report < times.Length && times[report] <= ts + MaxDistanceMs; report++)
            {
                pairs.Add((Math.Abs(times[report] - ts), sample, report));
            }
        }

        var reportOf = new int?[samples.Count];
        var taken = new bool[ordered.Length];
        foreach (var (_, sample, report) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.Sample))
        {
            if (reportOf[sample] is null && !taken[report])
            {
                reportOf[sample] = report;
                taken[report] = true;
            }
        }

        return [.. samples.Select((sample, index) => reportOf[index] is { } report ? Enrich(sample, ordered[report]) : sample)];
    }

    private static Sample Enrich(Sample sample, RuntimeCounterPoint point) => sample with
    {
        GcHeapMb = Sum(sample.GcHeapMb, point.GcHeapMb),
        Gen0Gcs = Sum(sample.Gen0Gcs, point.Gen0Gcs),
        Gen1Gcs = Sum(sample.Gen1Gcs, point.Gen1Gcs),
        Gen2Gcs = Sum(sample.Gen2Gcs, point.Gen2Gcs),
        AllocMbPerS = Sum(sample.AllocMbPerS, point.AllocMbPerS),
        ThreadpoolThreads = Sum(sample.ThreadpoolThreads, point.ThreadpoolThreads),
        ThreadpoolQueueLength = Sum(sample.ThreadpoolQueueLength, point.ThreadpoolQueueLength),
        ThreadpoolCompletedPerS = Sum(sample.ThreadpoolCompletedPerS, point.ThreadpoolCompletedPerS),
        GcPauseMs = Sum(sample.GcPauseMs, point.GcPauseMs),
        TimeInGcPct = sample.TimeInGcPct is { } other && point.TimeInGcPct is { } pct ? Math.Max(other, pct) : sample.TimeInGcPct ?? point.TimeInGcPct,
        LockContentions = Sum(sample.LockContentions, point.LockContentions),
        JitMethods = Sum(sample.JitMethods, point.JitMethods),
        JitTimeMs = Sum(sample.JitTimeMs, point.JitTimeMs),
        Exceptions = Sum(sample.Exceptions, point.Exceptions),
    };

    private static T? Sum<T>(T? sample, T? point) where T : struct, System.Numerics.INumber<T> =>
        sample is { } a && point is { } b ? a + b : sample ?? point;
}
