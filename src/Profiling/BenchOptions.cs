namespace RustScope.Profiling;

/// <summary>How <see cref="Bench.Run"/> measures.</summary>
public sealed record BenchOptions
{
    /// <summary>Samples run and discarded before measuring (caches, branch predictors), after the JIT's promotion.</summary>
    public int WarmupSamples { get; init; } = 5;

    /// <summary>Measured samples.</summary>
    public int Samples { get; init; } = 20;

    /// <summary>The shortest a sample may take: operations are batched until one batch lasts this long.</summary>
    public TimeSpan MinSampleTime { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The longest the runner waits for the JIT to promote the benchmarked code to its final tier before measuring
    /// anyway; <see cref="BenchmarkReport.JitTier"/> then says which tier was measured.
    /// </summary>
    public TimeSpan MaxPromotionTime { get; init; } = TimeSpan.FromSeconds(10);
}
