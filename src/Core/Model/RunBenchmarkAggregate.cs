namespace RustScope.Core.Model;

/// <summary>One benchmark's aggregate within one run.</summary>
public sealed record RunBenchmarkAggregate
{
    /// <summary>Benchmark name.</summary>
    public required string Name { get; init; }

    /// <summary>Median of the run's samples, in the benchmark's unit.</summary>
    public required double Median { get; init; }

    /// <summary>Bytes allocated per operation.</summary>
    public double? AllocBytesPerOp { get; init; }
}
