using System.Diagnostics;
using System.Runtime.CompilerServices;
using RustScope.Profiling;

namespace RustScope.Benchmarks.Profiling;

/// <summary>The three methods measured side by side; none may be inlined, so each is a real call.</summary>
internal static class Targets
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Empty(int x) => x + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int TimestampPair(int x)
    {
        var start = Stopwatch.GetTimestamp();
        var result = x + 1;
        Sink = Stopwatch.GetTimestamp() - start;
        return result;
    }

    [Profile]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Profiled(int x) => x + 1;

    public static long Sink { get; private set; }
}
