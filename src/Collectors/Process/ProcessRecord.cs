using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>The running peaks of one process of the tree, kept after it exits.</summary>
internal sealed class ProcessRecord(int pid, int ppid, string name, double firstSeenS)
{
    // CPU readings come once a discovery period (a tenth of a second at the default rate): ten periods make the
    // window a second, long enough for tick rounding not to inflate the peak (see CpuRateWindow).
    private const int CpuWindowPeriods = 10;
    private const double CpuWindowMinimumS = 0.5;
    private readonly CpuRateWindow _cpuWindow = new(CpuWindowPeriods + 1, CpuWindowMinimumS, Native.Libc.ClockTicksPerSecond);
    private long _firstTicks = -1;
    private long _lastTicks;
    private double _lastCpuS;
    private bool _hadWindow;

    public int Pid { get; } = pid;

    public double FirstSeenS { get; } = firstSeenS;

    public double LastSeenS { get; private set; } = firstSeenS;

    public double CpuPctMax { get; private set; }

    /// <summary>The command name last seen: a process that execs another program takes that program's name.</summary>
    public string Name { get; private set; } = name;

    public long PeakRssBytes { get; private set; }

    public int PeakThreads { get; private set; }

    public int PeakFds { get; private set; }

    public void Observe(in ProcStat stat, string currentName, int fds, long pageSize, double elapsedS)
    {
        Name = currentName;
        LastSeenS = elapsedS;
        PeakRssBytes = Math.Max(PeakRssBytes, stat.RssPages * pageSize);
        PeakThreads = Math.Max(PeakThreads, stat.Threads);
        PeakFds = Math.Max(PeakFds, fds);
    }

    /// <summary>Adds the CPU reading of a discovery period and keeps the window's rate if it is the highest.</summary>
    public void CloseCpuWindow(long cpuTicks, double elapsedS)
    {
        if (_firstTicks < 0)
        {
            _firstTicks = cpuTicks;
        }

        _lastTicks = cpuTicks;
        _lastCpuS = elapsedS;
        if (_cpuWindow.Add(elapsedS, cpuTicks, PeakThreads) is { } pct)
        {
            _hadWindow = true;
            CpuPctMax = Math.Max(CpuPctMax, pct);
        }
    }

    public ProcessSummary ToSummary() => new()
    {
        Pid = Pid,
        Ppid = ppid,
        Name = Name,
        FirstSeenS = Math.Round(FirstSeenS, 3),
        LastSeenS = Math.Round(LastSeenS, 3),
        CpuPctMax = Math.Round(_hadWindow ? CpuPctMax : LifetimeCpuPct(), 1),
        PeakRssMb = Math.Round(PeakRssBytes / 1e6, 3),
        PeakThreads = PeakThreads,
        PeakFds = PeakFds,
    };

    /// <summary>A process seen too briefly for a window: its rate over all the time it was seen.</summary>
    private double LifetimeCpuPct() =>
        _firstTicks >= 0 && _lastCpuS > FirstSeenS
            ? Math.Min((_lastTicks - _firstTicks) * 100.0 / Native.Libc.ClockTicksPerSecond / (_lastCpuS - FirstSeenS), CpuRateWindow.Ceiling(PeakThreads))
            : 0;
}
