namespace RustScope.Collectors.Process;

/// <summary>
/// What a live view shows: the tree now, the peaks so far and how many events fired. A value type: the sampler
/// hands one over ten times a second, which must not cost a heap allocation each time.
/// </summary>
internal readonly record struct LiveStatus(
    double ElapsedS,
    double CpuPct,
    double RssMb,
    int Threads,
    int Fds,
    int Processes,
    int Events,
    double PeakRssMb,
    double CpuPctMax);
