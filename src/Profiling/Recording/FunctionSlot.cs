using System.Runtime.CompilerServices;

namespace RustScope.Profiling.Recording;

/// <summary>
/// One function's figures as recorded by one thread, in Stopwatch ticks (converted once, when merged). Only the
/// owning thread writes it, so recording needs no locks or atomics; <see cref="FunctionTotals"/> merges the slots of
/// all threads when asked. The outlier detector's state is per slot too, so each thread warms up on its own.
/// </summary>
internal sealed class FunctionSlot
{
    public const int OutlierRing = 8;

    public LatencyHistogram Histogram;

    // Completed calls, also Welford's n: the running mean and sum of squared deviations (O(1) memory).
    public long Calls;
    public double Mean;
    public double M2;
    public long TotalTicks;
    public long SelfTicks;
    public long BusyTicks;
    public long MaxTicks;
    public long AllocatedBytes;
    public long Exceptions;
    public long Outliers;
    public int MaxDepth;

    public long[] OutlierTimestamps { get; } = new long[OutlierRing];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReachedDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            MaxDepth = depth;
        }
    }

    /// <summary>Adds one call's latency: histogram, maximum, Welford's update and the outlier test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordLatency(long ticks)
    {
        // Welford divides by the new count: the division depends only on the count, so it starts first and runs
        // beside the histogram and the test below instead of at the end of the chain that updates the mean.
        var judged = Calls;
        var calls = judged + 1;
        var inverseCalls = 1.0 / calls;
        Histogram.Record(ticks);
        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }

        Calls = calls;
        double x = ticks;
        var delta = x - Mean;

        // |x - mean| > k·sd with sd² = M2 / (n - 1), compared squared: no square root, no division.
        if (judged >= OutlierThreshold.WarmupCalls && delta * delta * (judged - 1) > OutlierThreshold.SigmaSquared * M2 && M2 > 0)
        {
            FlagOutlier();
        }

        Mean += delta * inverseCalls;
        M2 += delta * (x - Mean);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FlagOutlier()
    {
        OutlierTimestamps[Outliers % OutlierRing] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Outliers++;
    }
}
