namespace RustScope.Collectors.Process;

/// <summary>What a live view shows: the tree now, the peaks so far and how many events fired.</summary>
internal sealed record LiveStatus(
    double ElapsedS,
    double CpuPct,
    double RssMb,
    int Threads,
    int Fds,
    int Processes,
    int Events,
    double PeakRssMb,
    double CpuPctMax);
