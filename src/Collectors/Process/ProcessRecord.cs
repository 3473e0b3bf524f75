using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>The running peaks of one process of the tree, kept after it exits.</summary>
internal sealed class ProcessRecord(int pid, int ppid, string name, double firstSeenS)
{
    private long _windowTicks = -1;
    private double _windowStartS = firstSeenS;

    public int Pid { get; } = pid;

    public double FirstSeenS { get; } = firstSeenS;

    public double LastSeenS { get; private set; } = firstSeenS;

    public double CpuPctMax { get; private set; }

    public long PeakRssBytes { get; private set; }

    public int PeakThreads { get; private set; }

    public int PeakFds { get; private set; }

    public void Observe(in ProcStat stat, int fds, long pageSize, double elapsedS)
    {
        LastSeenS = elapsedS;
        PeakRssBytes = Math.Max(PeakRssBytes, stat.RssPages * pageSize);
        PeakThreads = Math.Max(PeakThreads, stat.Threads);
        PeakFds = Math.Max(PeakFds, fds);
    }

    /// <summary>Closes a CPU window (the tree's discovery period) and keeps its rate if it is the highest.</summary>
    public void CloseCpuWindow(long cpuTicks, double elapsedS, long ticksPerSecond)
    {
        if (_windowTicks >= 0 && elapsedS > _windowStartS)
        {
            var pct = (cpuTicks - _windowTicks) * 100.0 / ticksPerSecond / (elapsedS - _windowStartS);
            CpuPctMax = Math.Max(CpuPctMax, pct);
        }

        _windowTicks = cpuTicks;
        _windowStartS = elapsedS;
    }

    public ProcessSummary ToSummary() => new()
    {
        Pid = Pid,
        Ppid = ppid,
        Name = name,
        FirstSeenS = Math.Round(FirstSeenS, 3),
        LastSeenS = Math.Round(LastSeenS, 3),
        CpuPctMax = Math.Round(CpuPctMax, 1),
        PeakRssMb = Math.Round(PeakRssBytes / 1e6, 3),
        PeakThreads = PeakThreads,
        PeakFds = PeakFds,
    };
}
