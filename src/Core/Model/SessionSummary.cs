namespace RustScope.Core.Model;

/// <summary>Whole-session aggregates. Peaks are the true peaks seen at full sampling rate, not of the per-second samples.</summary>
public sealed record SessionSummary
{
    /// <summary>Wall time of the session in seconds: for a spawned command, the root's lifetime as the kernel measured it.</summary>
    public required double DurationS { get; init; }

    /// <summary>User + system CPU seconds of the tree: the kernel's accounting of every reaped process, floor-checked against the samples.</summary>
    public double CpuS { get; init; }

    /// <summary>Mean CPU use of the tree, % of one core.</summary>
    public required double CpuPctMean { get; init; }

    /// <summary>Highest CPU use of the tree, % of one core.</summary>
    public required double CpuPctMax { get; init; }

    /// <summary>Highest resident memory of the tree in MB (10^6 bytes).</summary>
    public required double PeakRssMb { get; init; }

    /// <summary>Highest thread count of the tree.</summary>
    public required int PeakThreads { get; init; }

    /// <summary>Highest open file descriptor count of the tree.</summary>
    public required int PeakFds { get; init; }

    /// <summary>Number of <see cref="ProfileSession.MemoryEvents"/>.</summary>
    public required int EventCount { get; init; }

    /// <summary>Per-process peaks, one entry per process seen in the tree.</summary>
    public IReadOnlyList<ProcessSummary> Processes { get => field ?? []; init; }
}
