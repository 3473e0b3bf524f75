using System.Diagnostics;
using System.Runtime.CompilerServices;
using RustScope.Profiling;

namespace RustScope.Benchmarks.Profiling;

/// <summary>The methods measured side by side; none may be inlined, so each is a real call.</summary>
internal static class Targets
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Empty(int x) => x + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int TimestampPair(int x)
    {
        var start = Stopwatch.GetTimestamp();
        var result = x + 1;
        return result ^ Unused(Stopwatch.GetTimestamp() - start);
    }

    /// <summary>The pair on [Profile]'s own clock: the time-stamp counter where the kernel keeps time by it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ClockPair(int x)
    {
        var start = ProfilerRuntime.Timestamp();
        var result = x + 1;
        return result ^ Unused(ProfilerRuntime.Timestamp() - start);
    }

    /// <summary>The pair plus the two allocation-counter reads that exact per-call allocations need.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int TimestampAndAllocationPairs(int x)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var result = x + 1;
        var elapsed = Stopwatch.GetTimestamp() - start;
        return result ^ Unused(elapsed) ^ Unused(GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    [Profile]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Profiled(int x) => x + 1;

    /// <summary>The source of <see cref="Span"/>'s activities, which a benchmark's listener samples.</summary>
    public static ActivitySource Spans { get; } = new("RustScope.Benchmarks.Profiling");

    /// <summary>An OpenTelemetry-style span around the call: an Activity started and stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Span(int x)
    {
        using var activity = Spans.StartActivity();
        return x + 1;
    }

    // Keeps a measured value alive without a store: a shared static written by both threads of the two-thread run
    // would measure cache-line contention instead of the calls. The top bits of a duration or byte count are 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Unused(long value) => (int)((ulong)value >> 62);
}
