namespace RustScope.Profiling.Recording;

/// <summary>Merges every thread's slots into one report per function, converting ticks to nanoseconds once.</summary>
internal static class FunctionTotals
{
    public static IReadOnlyList<FunctionReport> Collect()
    {
        var (names, symbols, recorders) = FunctionRegistry.Snapshot();
        var nanosecondsPerTick = CallClock.NanosecondsPerTick;
        var reports = new List<FunctionReport>();
        for (var id = 0; id < names.Count; id++)
        {
            var slots = recorders.Select(r => r.Slots is var s && id < s.Length ? s[id] : null).OfType<FunctionSlot>().ToList();
            if (slots.Sum(s => s.Calls) is var calls && calls > 0)
            {
                reports.Add(Merge(names[id], slots, calls, nanosecondsPerTick) with { Symbol = symbols[id] });
            }
        }

        return reports;
    }

    /// <summary>One function's report from its slots on all threads; <paramref name="calls"/> is their sum, above zero.</summary>
    public static FunctionReport Merge(string name, List<FunctionSlot> slots, long calls, double nanosecondsPerTick)
    {
        var histogram = new LatencyHistogram();
        double mean = 0, m2 = 0;
        long count = 0;
        foreach (var slot in slots)
        {
            histogram.Add(slot.Histogram);

            // Chan et al.'s combination of per-slot means and sums of squared deviations.
            var combined = count + slot.Calls;
            if (slot.Calls > 0)
            {
                var delta = ((double)slot.TotalTicks / slot.Calls) - mean;
                mean += delta * slot.Calls / combined;
                m2 += slot.SquaredDeviations + (delta * delta * count * slot.Calls / combined);
                count = combined;
            }
        }

        // Other threads may be recording while this reads: a percentile never exceeds the slowest call seen.
        var max = slots.Max(s => s.MaxTicks) * nanosecondsPerTick;
        var busy = slots.Sum(s => s.BusyTicks);
        return new FunctionReport
        {
            Name = name,
            Calls = calls,
            Exceptions = slots.Sum(s => s.Exceptions),
            Cancellations = slots.Sum(s => s.Cancellations),
            MeanNs = slots.Sum(s => s.TotalTicks) * nanosecondsPerTick / calls,
            P50Ns = Math.Min(histogram.Percentile(0.50) * nanosecondsPerTick, max),
            P95Ns = Math.Min(histogram.Percentile(0.95) * nanosecondsPerTick, max),
            P99Ns = Math.Min(histogram.Percentile(0.99) * nanosecondsPerTick, max),
            MaxNs = max,
            StdevNs = count > 1 ? Math.Sqrt(Math.Max(m2, 0) / (count - 1)) * nanosecondsPerTick : 0,
            TotalNs = (long)(slots.Sum(s => s.TotalTicks) * nanosecondsPerTick),
            SelfNs = (long)(Math.Max(slots.Sum(s => s.SelfTicks), 0) * nanosecondsPerTick),
            BusyNsPerCall = busy > 0 ? busy * nanosecondsPerTick / calls : null,
            ItemsPerCall = slots.Any(s => s.Iterates) ? (double)slots.Sum(s => s.Items) / calls : null,
            AllocatedBytesPerCall = (double)slots.Sum(s => s.AllocatedBytes) / calls,
            MaxStackDepth = slots.Max(s => s.MaxDepth),
            Outliers = slots.Sum(s => s.Outliers),
            RecentOutliers = RecentOutliers(slots),
        };
    }

    // The newest outlier times over all threads. A loop and Array.Sort rather than LINQ over longs: the flush at
    // exit would JIT-compile some thirty generic methods for those.
    private static long[] RecentOutliers(List<FunctionSlot> slots)
    {
        var timestamps = new long[slots.Count * FunctionSlot.OutlierRing];
        var kept = 0;
        foreach (var slot in slots)
        {
            var count = (int)Math.Min(slot.Outliers, FunctionSlot.OutlierRing);
            Array.Copy(slot.OutlierTimestamps, 0, timestamps, kept, count);
            kept += count;
        }

        Array.Sort(timestamps, 0, kept);
        return timestamps[Math.Max(0, kept - FunctionSlot.OutlierRing)..kept];
    }
}
