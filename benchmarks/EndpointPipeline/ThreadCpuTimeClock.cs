using Perfolizer.Horology;
using RustScope.Benchmarks.Profiling;

namespace RustScope.Benchmarks.EndpointPipeline;

/// <summary>
/// BenchmarkDotNet's clock read from the benchmark thread's CPU time (benchmarks/Profiling's ThreadCpuClock): on a
/// shared, loaded machine the time the thread waits for a core is not counted, only what the request costs it.
/// </summary>
internal sealed class ThreadCpuTimeClock : IClock
{
    public static readonly ThreadCpuTimeClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() => ThreadCpuClock.Nanoseconds();
}
