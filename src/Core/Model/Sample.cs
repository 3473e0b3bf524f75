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

    /// <summary>Bytes live in the C allocator (malloc minus free) across the tracked tree, in MB, with <c>run --track-alloc</c>.</summary>
    public double? NativeLiveMb { get; init; }

    /// <summary>Managed GC heap size in MB, for .NET targets.</summary>
    public double? GcHeapMb { get; init; }

    /// <summary>Gen 0 collections during the second, for .NET targets.</summary>
    public int? Gen0Gcs { get; init; }

    /// <summary>Gen 1 collections during the second, for .NET targets.</summary>
    public int? Gen1Gcs { get; init; }

    /// <summary>Gen 2 collections during the second, for .NET targets.</summary>
    public int? Gen2Gcs { get; init; }

    /// <summary>Managed allocation rate in MB per second, for .NET targets.</summary>
    public double? AllocMbPerS { get; init; }

    /// <summary>Thread-pool threads, for .NET targets.</summary>
    public int? ThreadpoolThreads { get; init; }

    /// <summary>Work items waiting in the thread-pool queue, for .NET targets.</summary>
    public double? ThreadpoolQueueLength { get; init; }

    /// <summary>Thread-pool work items completed per second, for .NET targets.</summary>
    public double? ThreadpoolCompletedPerS { get; init; }

    /// <summary>Time the GC paused the runtime during the second, in milliseconds, for .NET targets.</summary>
    public double? GcPauseMs { get; init; }

    /// <summary>Share of time spent in GC as the runtime reports it (% time in GC since the last GC), for .NET targets.</summary>
    public double? TimeInGcPct { get; init; }

    /// <summary>Monitor lock contentions during the second, for .NET targets.</summary>
    public long? LockContentions { get; init; }

    /// <summary>Methods JIT-compiled during the second, for .NET targets.</summary>
    public long? JitMethods { get; init; }

    /// <summary>Time spent JIT-compiling during the second, in milliseconds, for .NET targets.</summary>
    public double? JitTimeMs { get; init; }

    /// <summary>Exceptions thrown during the second, for .NET targets.</summary>
    public long? Exceptions { get; init; }
}
