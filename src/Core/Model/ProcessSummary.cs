namespace RustScope.Core.Model;

/// <summary>The peaks of one process of the profiled tree.</summary>
public sealed record ProcessSummary
{
    /// <summary>Process id.</summary>
    public required int Pid { get; init; }

    /// <summary>Parent process id.</summary>
    public int? Ppid { get; init; }

    /// <summary>Process name (comm).</summary>
    public required string Name { get; init; }

    /// <summary>Seconds after session start when the process was first seen.</summary>
    public double FirstSeenS { get; init; }

    /// <summary>Seconds after session start when the process was last seen.</summary>
    public double LastSeenS { get; init; }

    /// <summary>Highest CPU use, % of one core.</summary>
    public double CpuPctMax { get; init; }

    /// <summary>Highest resident memory in MB.</summary>
    public double PeakRssMb { get; init; }

    /// <summary>Highest thread count.</summary>
    public int PeakThreads { get; init; }

    /// <summary>Highest open file descriptor count.</summary>
    public int PeakFds { get; init; }
}
