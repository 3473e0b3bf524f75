using System.Diagnostics;

namespace RustScope.Profiling.Endpoint.Sessions;

/// <summary>When a profile began and the process's CPU time then, so its session can say how busy the process was meanwhile.</summary>
internal sealed class ProcessWindow
{
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly TimeSpan _startCpu = CpuTime();

    public DateTimeOffset Start { get; } = DateTimeOffset.UtcNow;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTicks);

    /// <summary>Mean CPU use since <see cref="Start"/>, % of one core.</summary>
    public double CpuPct()
    {
        var wall = Elapsed.TotalSeconds;
        return wall <= 0 ? 0 : 100 * (CpuTime() - _startCpu).TotalSeconds / wall;
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
