using System.Runtime.CompilerServices;

namespace RustScope.Profiling.Recording;

/// <summary>
/// One function's figures as recorded by one thread, in <see cref="CallClock"/> ticks (converted once, when merged). Only the
/// owning thread writes it, so recording needs no locks or atomics; <see cref="FunctionTotals"/> merges the slots of
/// all threads when asked. The outlier detector's state is per slot too, so each thread warms up on its own.
/// </summary>
internal sealed class FunctionSlot
{
    public const int OutlierRing = 8;

    // After the first calls the outlier limits follow the mean and deviation every this many calls: by then one
    // call moves them by about 1/n, and recomputing them (a division and a square root) stays off the call path.
    private const int LimitsRefreshEvery = 16;

    public LatencyHistogram Histogram;

    // Completed calls and the sum of their durations; with the squares of their distances from the first call
    // ("shifted data") they give the mean and variance without cancellation and without a division per call.
    public long Calls;
    public long TotalTicks;
    public long ShiftTicks;
    public double ShiftedSquares;
    public long SelfTicks;
    public long BusyTicks;
    public long MaxTicks;
    public long AllocatedBytes;
    public long Exceptions;
    public long Cancellations;

    // Async iterators: the items their enumerations produced, and whether this function is one.
    public long Items;
    public bool Iterates;
    public long Outliers;
    public int MaxDepth;

    // A call outside [_outlierLow, _outlierLow + _outlierSpan] ticks is an outlier; until the warm-up ends the range
    // is every duration. One unsigned compare tests both ends (a negative span, no whole tick in range, judges none).
    private long _outlierLow;
    private long _outlierSpan = long.MaxValue;

    public long[] OutlierTimestamps { get; } = new long[OutlierRing];

    /// <summary>The sum of squared deviations from the mean (Welford's M2), from the shifted sums.</summary>
    public double SquaredDeviations
    {
        get
        {
            double shiftedSum = TotalTicks - (Calls * ShiftTicks);
            return Calls > 0 ? Math.Max(ShiftedSquares - (shiftedSum * shiftedSum / Calls), 0) : 0;
        }
    }

    /// <summary>Counts how a call ended: an exception, and a cancellation apart as well.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Count(CallOutcome outcome)
    {
        if (outcome != CallOutcome.Returned)
        {
            Exceptions++;
            if (outcome == CallOutcome.Canceled)
            {
                Cancellations++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReachedDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            MaxDepth = depth;
        }
    }

    /// <summary>Adds one call's latency: totals, histogram, maximum, the outlier test against the calls before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordLatency(long ticks)
    {
        var calls = Calls + 1;
        Calls = calls;
        TotalTicks += ticks;
        Histogram.Record(ticks);
        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }

        double shifted = ticks - ShiftTicks;
        ShiftedSquares += shifted * shifted;
        if ((ulong)(ticks - _outlierLow) > (ulong)_outlierSpan)
        {
            FlagOutlier();
        }

        if (calls <= OutlierThreshold.ExactCalls || calls % LimitsRefreshEvery == 0)
        {
            RefreshOutlierLimits(ticks);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FlagOutlier()
    {
        OutlierTimestamps[Outliers % OutlierRing] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Outliers++;
    }

    /// <summary>
    /// Sets the range the next calls are judged by: |x - mean| ≤ k·sd over the calls so far, in whole ticks (a
    /// duration is a whole number of them), once the warm-up has passed and the calls differ at all.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefreshOutlierLimits(long ticks)
    {
        var calls = Calls;
        if (calls == 1)
        {
            // The first duration is the shift: later ones are close to it, so their squares stay small.
            ShiftTicks = ticks;
            ShiftedSquares = 0;
        }

        var m2 = SquaredDeviations;
        if (calls < Math.Max(OutlierThreshold.WarmupCalls, 2) || m2 <= 0)
        {
            (_outlierLow, _outlierSpan) = (0, long.MaxValue);
            return;
        }

        var mean = (double)TotalTicks / calls;
        var reach = Math.Sqrt(OutlierThreshold.SigmaSquared * m2 / (calls - 1));
        var low = Math.Max(Math.Ceiling(mean - reach), 0);
        var high = Math.Floor(mean + reach);
        (_outlierLow, _outlierSpan) = high >= long.MaxValue ? ((long)low, long.MaxValue) : ((long)low, (long)(high - low));
    }
}
