namespace RustScope.Core.Model;

/// <summary>A benchmark with its raw per-iteration measurements.</summary>
public sealed record BenchmarkResult
{
    /// <summary>Benchmark name.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of <see cref="Samples"/>, <c>ns</c> per operation unless stated.</summary>
    public string Unit { get => field ?? "ns"; init; }

    /// <summary>Raw measurements, one per measured iteration.</summary>
    public required IReadOnlyList<double> Samples { get; init; }

    /// <summary>Warm-up iterations run before measuring.</summary>
    public int Warmup { get; init; }

    /// <summary>Operations per measured iteration; at least 1 (0, or left out, reads as 1).</summary>
    public long OpsPerIteration { get => Math.Max(field, 1); init; }

    /// <summary>Bytes allocated per operation.</summary>
    public double? AllocBytesPerOp { get; init; }

    /// <summary>
    /// The JIT tier of the benchmarked code when it was measured (<c>tier1</c>, <c>optimized</c>, <c>tier0</c>, …), when
    /// the runner knows it.
    /// </summary>
    public string? JitTier { get; init; }
}
