namespace RustScope.Profiling.Recording;

/// <summary>Merges every thread's slots into one report per function.</summary>
internal static class FunctionTotals
{
    public static IReadOnlyList<FunctionReport> Collect()
    {
        var (names, recorders) = FunctionRegistry.Snapshot();
        var reports = new List<FunctionReport>();
        for (var id = 0; id < names.Count; id++)
        {
            var slots = recorders.Select(r => id < r.Slots.Length ? r.Slots[id] : null).OfType<FunctionSlot>().ToList();
            if (slots.Sum(s => s.Calls) is var calls && calls > 0)
            {
                reports.Add(Merge(names[id], slots, calls));
            }
        }

        return reports;
    }

    private static FunctionReport Merge(string name, List<FunctionSlot> slots, long calls)
    {
        var histogram = new LatencyHistogram();
        double mean = 0, m2 = 0;
        long count = 0;
        foreach (var slot in slots)
        {
            histogram.Add(slot.Histogram);

            // Chan et al.'s combination of Welford accumulators.
            var combined = count + slot.WelfordCount;
            if (combined > 0)
            {
                var delta = slot.WelfordMean - mean;
                mean += delta * slot.WelfordCount / combined;
                m2 += slot.WelfordM2 + (delta * delta * count * slot.WelfordCount / combined);
                count = combined;
            }
        }

        var busy = slots.Sum(s => s.BusyNs);
        return new FunctionReport
        {
            Name = name,
            Calls = calls,
            Exceptions = slots.Sum(s => s.Exceptions),
            MeanNs = (double)slots.Sum(s => s.TotalNs) / calls,
            P50Ns = histogram.Percentile(0.50, calls),
            P95Ns = histogram.Percentile(0.95, calls),
            P99Ns = histogram.Percentile(0.99, calls),
            MaxNs = slots.Max(s => s.MaxNs),
            StdevNs = count > 1 ? Math.Sqrt(m2 / (count - 1)) : 0,
            TotalNs = slots.Sum(s => s.TotalNs),
            SelfNs = slots.Sum(s => s.SelfNs),
            BusyNsPerCall = busy > 0 ? (double)busy / calls : null,
            AllocatedBytesPerCall = (double)slots.Sum(s => s.AllocatedBytes) / calls,
            MaxStackDepth = slots.Max(s => s.MaxDepth),
            Outliers = slots.Sum(s => s.Outliers),
            RecentOutliers = [.. slots.SelectMany(s => s.OutlierTimestamps.Take((int)Math.Min(s.Outliers, FunctionSlot.OutlierRing))).Order().TakeLast(FunctionSlot.OutlierRing)],
        };
    }
}
