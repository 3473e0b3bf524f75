namespace RustScope.Profiling;

/// <summary>Settings of the in-process profiler.</summary>
public sealed record ProfilerOptions
{
    /// <summary>Calls of a function before the outlier detector judges (its mean and deviation need a few calls).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int OutlierWarmupCalls
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 10;

    /// <summary>A call slower or faster than this many standard deviations from the running mean is an outlier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive, finite number.</exception>
    public double OutlierSigma
    {
        get;
        init
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The outlier threshold must be a positive, finite number of standard deviations.");
            }

            field = value;
        }
    } = 3;

    /// <summary>The project name written into sessions; the entry assembly's name when null.</summary>
    public string? Project { get; init; }
}
