using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

/// <summary>
/// The CPU estimator on the ticks /proc reports for a single thread that gets 85 % of a core (31.5 ms of every 37):
/// the kernel charges a whole 10 ms tick to whoever runs when the timer fires, and the sampler wakes up a little
/// early or late.
/// </summary>
public sealed class CpuRateWindowTests
{
    private const long TicksPerSecond = 100;

    [Fact]
    public void Over_a_second_the_peak_of_an_85_percent_thread_stays_close_to_85_percent()
    {
        var peak = PeakOf(new CpuRateWindow(readings: 101, minimumSpanS: 0.5, TicksPerSecond));

        Assert.InRange(peak, 80, 90);
    }

    [Fact]
    public void Over_100_ms_tick_rounding_reads_the_same_thread_above_a_core_without_the_ceiling()
    {
        // What the sampler used to do: the highest of many short windows is mostly rounding error.
        var unclamped = PeakOf(new CpuRateWindow(readings: 11, minimumSpanS: 0, TicksPerSecond), threads: 64);
        var clamped = PeakOf(new CpuRateWindow(readings: 11, minimumSpanS: 0, TicksPerSecond), threads: 1);

        Assert.True(unclamped > 100, $"peak {unclamped:F1} %");
        Assert.Equal(100, clamped);
    }

    [Fact]
    public void There_is_no_rate_until_the_readings_span_the_minimum()
    {
        var window = new CpuRateWindow(readings: 101, minimumSpanS: 0.5, TicksPerSecond);

        Assert.Null(window.Add(0, 0, 1));
        Assert.Null(window.Add(0.4, 40, 1));
        Assert.Equal(100, window.Add(0.5, 50, 1));
    }

    /// <summary>Ten simulated seconds sampled at 100 Hz; returns the highest rate the window reported.</summary>
    private static double PeakOf(CpuRateWindow window, int threads = 1)
    {
        var random = new Random(42);
        long ticks = 0;
        double nextTimerS = 0, peak = 0;
        for (var sample = 0; sample < 1000; sample++)
        {
            var atS = (sample * 0.01) + (random.NextDouble() * 0.004);
            while (nextTimerS <= atS)
            {
                ticks += nextTimerS % 0.037 < 0.0315 ? 1 : 0;
                nextTimerS += 0.01;
            }

            peak = Math.Max(peak, window.Add(atS, ticks, threads) ?? 0);
        }

        return peak;
    }
}
