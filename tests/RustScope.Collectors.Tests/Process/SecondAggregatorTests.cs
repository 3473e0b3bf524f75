using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

public sealed class SecondAggregatorTests
{
    [Fact]
    public void Keeps_one_sample_per_second_with_that_seconds_peaks_and_cpu()
    {
        // 100 ticks per second of CPU time: one fully busy core adds 100 ticks a second.
        var aggregator = new SecondAggregator(startUnixMs: 1_000, ticksPerSecond: 100);
        for (var tick = 0; tick <= 250; tick++)
        {
            var elapsed = tick / 100.0;
            aggregator.Add(elapsed, new TreeTotals(CpuTicks: tick, RssBytes: tick * 1_000_000L, Threads: 2 + (tick / 100), Fds: 5, Processes: 1));
        }

        aggregator.Finish(2.5, 250);

        Assert.Equal(3, aggregator.Samples.Count);
        Assert.Equal([2_000L, 3_000L, 3_500L], aggregator.Samples.Select(s => s.Ts));
        Assert.All(aggregator.Samples, s => Assert.Equal(100, s.CpuPct, 1));
        Assert.Equal([100.0, 200.0, 250.0], aggregator.Samples.Select(s => s.HeapMb));
        Assert.Equal([3, 4, 4], aggregator.Samples.Select(s => s.Threads));
    }

    [Fact]
    public void A_run_shorter_than_a_second_still_has_a_sample()
    {
        var aggregator = new SecondAggregator(0, 100);
        aggregator.Add(0, new TreeTotals(0, 5_000_000, 1, 3, 1));

        aggregator.Finish(0.01, 1);

        Assert.Equal(5, Assert.Single(aggregator.Samples).HeapMb);
    }
}
