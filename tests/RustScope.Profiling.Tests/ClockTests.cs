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
        // 50 ms each; the two pairs of reads are a few hundred nanoseconds apart unless the thread is preempted, which a
        // loaded machine does to one attempt in a few: the closest of five attempts is the clock's real agreement.
        var ratios = Enumerable.Range(0, 5).Select(_ => MeasuredRatio()).ToList();

        Assert.Contains(ratios, ratio => ratio is >= 0.99 and <= 1.01);
    }

    private static double MeasuredRatio()
    {
        var ticks = CallClock.Now();
        var stopwatch = Stopwatch.GetTimestamp();
        var until = stopwatch + (Stopwatch.Frequency / 20);
        while (Stopwatch.GetTimestamp() < until)
        {
        }

        var clockNs = (CallClock.Now() - ticks) * CallClock.NanosecondsPerTick;
        return clockNs / Stopwatch.GetElapsedTime(stopwatch).TotalNanoseconds;
    }
}
