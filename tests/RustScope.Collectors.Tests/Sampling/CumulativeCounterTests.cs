using RustScope.Collectors.Sampling.EventPipe;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>A running total of the runtime (methods-jitted-count) turned into each report's amount.</summary>
public sealed class CumulativeCounterTests
{
    [Fact]
    public void Each_report_gives_its_growth_and_the_first_none()
    {
        var counter = new CumulativeCounter(fromStart: false);

        Assert.Equal([null, 147, 0, 12], new double?[] { 159, 306, 306, 318 }.Select(counter.Next));
    }

    [Fact]
    public void A_report_without_the_counter_gives_none_and_the_next_one_counts_from_the_last_total()
    {
        var counter = new CumulativeCounter(fromStart: false);

        Assert.Equal([null, null, 40], new double?[] { 100, null, 140 }.Select(counter.Next));
    }

    [Fact]
    public void A_total_that_shrinks_gives_none_and_counts_on_from_the_new_total()
    {
        var counter = new CumulativeCounter(fromStart: false);

        Assert.Equal([null, null, 5], new double?[] { 100, 20, 25 }.Select(counter.Next));
    }

    [Fact]
    public void A_runtime_sampled_from_its_start_counts_its_first_total_in_full()
    {
        var counter = new CumulativeCounter(fromStart: true);

        Assert.Equal([159, 147], new double?[] { 159, 306 }.Select(counter.Next));
    }
}
