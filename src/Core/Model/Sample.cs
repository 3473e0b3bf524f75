namespace RustScope.Core.Model;

/// <summary>Process-tree metrics over one second.</summary>
public sealed record Sample
{
    /// <summary>Time of the sample, Unix epoch milliseconds.</summary>
    public required long Ts { get; init; }

    /// <summary>CPU use of the tree over the second, % of one core.</summary>
    public required double CpuPct { get; init; }

    /// <summary>Resident memory of the tree in MB (the original RustScope's name for RSS).</summary>
    public required double HeapMb { get; init; }

    /// <summary>Threads in the tree.</summary>
    public required int Threads { get; init; }

    /// <summary>Open file descriptors in the tree.</summary>
    public int Fds { get; init; }

    /// <summary>Live processes in the tree.</summary>
    public int Processes { get; init; }

    /// <summary>Managed GC heap size in MB, for .NET targets.</summary>
    public double? GcHeapMb { get; init; }
}
