using RustScope.Profiling;

/// <summary>CPU-bound work the profiler can see, and time with [Profile].</summary>
internal static class Workload
{
    [Profile]
    public static ulong Burn(int iterations)
    {
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return x;
    }
}
