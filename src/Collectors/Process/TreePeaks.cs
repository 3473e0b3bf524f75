namespace RustScope.Collectors.Process;

/// <summary>The highest values the sampler has seen over the whole tree, at full rate.</summary>
internal sealed class TreePeaks
{
    public long RssBytes { get; private set; }

    public double CpuPct { get; private set; }

    public int Threads { get; private set; }

    public int Fds { get; private set; }

    public void Observe(in TreeTotals totals, double cpuPct)
    {
        RssBytes = Math.Max(RssBytes, totals.RssBytes);
        CpuPct = Math.Max(CpuPct, cpuPct);
        Threads = Math.Max(Threads, totals.Threads);
        Fds = Math.Max(Fds, totals.Fds);
    }
}
