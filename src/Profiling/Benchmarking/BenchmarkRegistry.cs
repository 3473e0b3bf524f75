namespace RustScope.Profiling.Benchmarking;

/// <summary>The benchmarks run in this process, for the session flush.</summary>
internal static class BenchmarkRegistry
{
    private static readonly object Gate = new();
    private static readonly List<BenchmarkReport> Reports = [];

    public static void Add(BenchmarkReport report)
    {
        lock (Gate)
        {
            Reports.Add(report);
        }
    }

    public static IReadOnlyList<BenchmarkReport> Snapshot()
    {
        lock (Gate)
        {
            return [.. Reports];
        }
    }

    public static void Clear()
    {
        lock (Gate)
        {
            Reports.Clear();
        }
    }
}
