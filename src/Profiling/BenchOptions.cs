namespace RustScope.Profiling;

/// <summary>How <see cref="Bench.Run"/> measures.</summary>
public sealed record BenchOptions
{
    /// <summary>Samples run and discarded before measuring (JIT tiering, caches).</summary>
    public int WarmupSamples { get; init; } = 5;

    /// <summary>Measured samples.</summary>
    public int Samples { get; init; } = 20;

    /// <summary>The shortest a sample may take: operations are batched until one batch lasts this long.</summary>
    public TimeSpan MinSampleTime { get; init; } = TimeSpan.FromMilliseconds(5);
}
