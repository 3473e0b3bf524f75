namespace RustScope.Profiling.Recording;

/// <summary>
/// The outlier settings in the form the hot path uses (k squared, warm-up as a plain int), kept in static fields
/// so a call reads two numbers instead of dereferencing <see cref="ProfilerOptions"/>. Set by Profiler.Configure.
/// </summary>
internal static class OutlierThreshold
{
    private static readonly ProfilerOptions Defaults = new();

    public static int WarmupCalls { get; private set; } = Defaults.OutlierWarmupCalls;

    public static double SigmaSquared { get; private set; } = Defaults.OutlierSigma * Defaults.OutlierSigma;

    public static void Set(ProfilerOptions options)
    {
        WarmupCalls = options.OutlierWarmupCalls;
        SigmaSquared = options.OutlierSigma * options.OutlierSigma;
    }
}
