using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Attaches runtime counter reports to the recorder's per-second samples by timestamp, one to one: a report holds one
/// second's counts (GCs, allocated bytes), so giving it to two samples would count them twice. The closest pairs within
/// <see cref="MaxDistanceMs"/> are matched first; a sample whose nearest report went to a closer sample gets none.
/// Both clocks are the wall clock of this machine and both series tick once a second.
/// </summary>
internal static class CounterSampleMatcher
{
    public const long MaxDistanceMs = 1000;

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
        GcHeapMb = point.GcHeapMb ?? sample.GcHeapMb,
        Gen0Gcs = point.Gen0Gcs,
        Gen1Gcs = point.Gen1Gcs,
        Gen2Gcs = point.Gen2Gcs,
        AllocMbPerS = point.AllocMbPerS,
        ThreadpoolThreads = point.ThreadpoolThreads,
        ThreadpoolQueueLength = point.ThreadpoolQueueLength,
        ThreadpoolCompletedPerS = point.ThreadpoolCompletedPerS,
        GcPauseMs = point.GcPauseMs,
        TimeInGcPct = point.TimeInGcPct,
        LockContentions = point.LockContentions,
        JitMethods = point.JitMethods,
        JitTimeMs = point.JitTimeMs,
        Exceptions = point.Exceptions,
    };
}
