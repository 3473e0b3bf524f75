namespace RustScope.Profiling.Recording;

/// <summary>
/// One function's figures as recorded by one thread. Only the owning thread writes it, so recording needs no
/// locks or atomics; <see cref="FunctionTotals"/> merges the slots of all threads when asked.
/// </summary>
internal sealed class FunctionSlot
{
    public const int OutlierRing = 8;

    public LatencyHistogram Histogram { get; } = new();

    public long[] OutlierTimestamps { get; } = new long[OutlierRing];

    public long Calls;
    public long Exceptions;
    public long TotalNs;
    public long SelfNs;
    public long BusyNs;
    public long MaxNs;
    public long AllocatedBytes;
    public int MaxDepth;
    public long Outliers;

    // Welford's running mean and sum of squared deviations of call latency: O(1) memory per function.
    public long WelfordCount;
    public double WelfordMean;
    public double WelfordM2;
}
