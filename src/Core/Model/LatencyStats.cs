namespace RustScope.Core.Model;

/// <summary>A latency distribution summary in nanoseconds.</summary>
public sealed record LatencyStats
{
    /// <summary>Arithmetic mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Median.</summary>
    public required double P50 { get; init; }

    /// <summary>95th percentile.</summary>
    public required double P95 { get; init; }

    /// <summary>99th percentile.</summary>
    public required double P99 { get; init; }

    /// <summary>Slowest call.</summary>
    public required double Max { get; init; }

    /// <summary>Standard deviation.</summary>
    public required double Stdev { get; init; }
}
