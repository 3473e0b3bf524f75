namespace RustScope.Profiling.Recording;

/// <summary>
/// The outlier settings in the form the hot path uses (k squared, warm-up as a plain int), kept in static fields
/// so a call reads numbers instead of dereferencing <see cref="ProfilerOptions"/>. Set by Profiler.Configure.
/// </summary>
internal static class OutlierThreshold
{
    // Through the warm-up and at least this many calls, the limits follow every call: early on one call moves the
    // mean and deviation a lot.
    private const int MinExactCalls = 64;
    private static readonly ProfilerOptions Defaults = new();

    public static int WarmupCalls { get; private set; } = Defaults.OutlierWarmupCalls;

    public static double SigmaSquared { get; private set; } = Defaults.OutlierSigma * Defaults.OutlierSigma;

    /// <summary>The calls after each of which a function's outlier limits are recomputed; later, every few calls.</summary>
    public static long ExactCalls { get; private set; } = Math.Max(Defaults.OutlierWarmupCalls, MinExactCalls);

    public static void Set(ProfilerOptions options)
    {
        WarmupCalls = options.OutlierWarmupCalls;
        SigmaSquared = options.OutlierSigma * options.OutlierSigma;
        ExactCalls = Math.Max(options.OutlierWarmupCalls, MinExactCalls);
    }
}
