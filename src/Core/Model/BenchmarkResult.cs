namespace RustScope.Core.Model;

/// <summary>A benchmark with its raw per-iteration measurements.</summary>
public sealed record BenchmarkResult
{
    /// <summary>Benchmark name.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of <see cref="Samples"/>, <c>ns</c> per operation unless stated.</summary>
    public string Unit { get; init; } = "ns";

    /// <summary>Raw measurements, one per measured iteration.</summary>
    public required IReadOnlyList<double> Samples { get; init; }

    /// <summary>Warm-up iterations run before measuring.</summary>
    public int Warmup { get; init; }

    /// <summary>Operations per measured iteration.</summary>
    public long OpsPerIteration { get; init; } = 1;

    /// <summary>Bytes allocated per operation.</summary>
    public double? AllocBytesPerOp { get; init; }
}
