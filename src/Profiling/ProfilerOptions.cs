namespace RustScope.Profiling;

/// <summary>Settings of the in-process profiler.</summary>
public sealed record ProfilerOptions
{
    /// <summary>Calls of a function before the outlier detector judges (its mean and deviation need a few calls).</summary>
    public int OutlierWarmupCalls { get; init; } = 10;

    /// <summary>A call slower or faster than this many standard deviations from the running mean is an outlier.</summary>
    public double OutlierSigma { get; init; } = 3;

    /// <summary>The project name written into sessions; the entry assembly's name when null.</summary>
    public string? Project { get; init; }
}
