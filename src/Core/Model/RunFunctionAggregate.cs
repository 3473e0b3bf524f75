namespace RustScope.Core.Model;

/// <summary>One function's aggregates within one run.</summary>
public sealed record RunFunctionAggregate
{
    /// <summary>Fully qualified function name.</summary>
    public required string Name { get; init; }

    /// <summary>Calls in the run.</summary>
    public long Calls { get; init; }

    /// <summary>Latency distribution of the run's calls in nanoseconds.</summary>
    public LatencyStats? LatencyNs { get; init; }

    /// <summary>Mean bytes allocated per call.</summary>
    public double? AllocBytesPerCall { get; init; }

    /// <summary>Share of CPU samples with the function on top of the stack.</summary>
    public double? SelfPct { get; init; }
}
