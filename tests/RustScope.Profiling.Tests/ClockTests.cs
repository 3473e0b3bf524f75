using System.Diagnostics;
using System.Runtime.InteropServices;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling.Tests;

public sealed class ClockTests
{
    [Fact]
    public void The_time_stamp_counter_is_the_clock_where_the_kernel_keeps_time_by_it()
    {
        const string clocksource = "/sys/devices/system/clocksource/clocksource0/current_clocksource";
        var expected = RuntimeInformation.ProcessArchitecture == Architecture.X64
            && File.Exists(clocksource) && File.ReadAllText(clocksource).Trim() == "tsc"
            && !string.Equals(Environment.GetEnvironmentVariable(CallClock.Variable), "stopwatch", StringComparison.OrdinalIgnoreCase);

        Assert.Equal(expected, CallClock.UsesTimeStampCounter);
    }

    [Fact]
    public void Ticks_become_the_nanoseconds_stopwatch_measures()
    {
        var ticks = CallClock.Now();
        var stopwatch = Stopwatch.GetTimestamp();
        var until = stopwatch + (Stopwatch.Frequency / 20);
        while (Stopwatch.GetTimestamp() < until)
        {
        }

        var clockNs = (CallClock.Now() - ticks) * CallClock.NanosecondsPerTick;
        var stopwatchNs = Stopwatch.GetElapsedTime(stopwatch).TotalNanoseconds;

        // 50 ms each; the two pairs of reads are a few hundred nanoseconds apart unless the thread is preempted.
        Assert.InRange(clockNs / stopwatchNs, 0.99, 1.01);
    }
}
