namespace RustScope.Profiling;

/// <summary>The result of <see cref="Bench.Run"/>: raw per-sample times, ready for the RustScope gate.</summary>
public sealed record BenchmarkReport
{
    /// <summary>Benchmark name.</summary>
    public required string Name { get; init; }

    /// <summary>Nanoseconds per operation, one value per measured sample.</summary>
    public required IReadOnlyList<double> SamplesNs { get; init; }

    /// <summary>Warm-up samples run before measuring.</summary>
    public int Warmup { get; init; }

    /// <summary>Operations per sample, chosen so a sample is long enough for the clock.</summary>
    public long OpsPerIteration { get; init; }

    /// <summary>Bytes allocated per operation on the benchmark's thread.</summary>
    public double AllocBytesPerOp { get; init; }

    /// <summary>
    /// The tier of the benchmarked method's code when it was measured: <see cref="JitTier.Tier1"/> normally,
    /// <see cref="JitTier.Optimized"/> with tiered compilation off; anything else means the promotion did not finish in
    /// <see cref="BenchOptions.MaxPromotionTime"/> (or, <see cref="JitTier.Unknown"/>, that it happened before the run).
    /// </summary>
    public JitTier JitTier { get; init; }

    /// <summary>Median nanoseconds per operation.</summary>
    public double MedianNs
    {
        get
        {
            var sorted = SamplesNs.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
