using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Attaches runtime counter reports to the recorder's per-second samples by timestamp: each sample takes the
/// report nearest to its <c>ts</c>, when one lies within <see cref="MaxDistanceMs"/>. Both clocks are the wall
/// clock of this machine, and both series tick once a second, so the nearest report describes the same second.
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
        return [.. samples.Select(sample => Nearest(times, ordered, sample.Ts) is { } point ? Enrich(sample, point) : sample)];
    }

    private static RuntimeCounterPoint? Nearest(long[] times, RuntimeCounterPoint[] ordered, long ts)
    {
        var index = Array.BinarySearch(times, ts);
        if (index >= 0)
        {
            return ordered[index];
        }

        var after = ~index;
        var before = after - 1;
        var best = (before, after) switch
        {
            (< 0, _) => after,
            (_, var a) when a >= times.Length => before,
            _ => ts - times[before] <= times[after] - ts ? before : after,
        };
        return Math.Abs(times[best] - ts) <= MaxDistanceMs ? ordered[best] : null;
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
    };
}
