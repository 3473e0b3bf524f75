namespace RustScope.Collectors.Sampling;

/// <summary>One report of the System.Runtime counters (one per second), stamped in Unix epoch milliseconds.</summary>
internal sealed record RuntimeCounterPoint
{
    public required long Ts { get; init; }

    public double? GcHeapMb { get; init; }

    public int? Gen0Gcs { get; init; }

    public int? Gen1Gcs { get; init; }

    public int? Gen2Gcs { get; init; }

    public double? AllocMbPerS { get; init; }

    public int? ThreadpoolThreads { get; init; }

    public double? ThreadpoolQueueLength { get; init; }

    public double? ThreadpoolCompletedPerS { get; init; }

    public double? GcPauseMs { get; init; }

    public double? TimeInGcPct { get; init; }

    public long? LockContentions { get; init; }

    public long? JitMethods { get; init; }

    public double? JitTimeMs { get; init; }

    public long? Exceptions { get; init; }
}
