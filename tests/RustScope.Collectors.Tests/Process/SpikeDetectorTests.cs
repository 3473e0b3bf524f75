using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

public sealed class SpikeDetectorTests
{
    private const long Mb = 1_000_000;

    [Fact]
    public void Memory_growth_over_the_threshold_between_samples_is_a_spike()
    {
        var detector = new SpikeDetector(new SpikeOptions());

        Assert.Null(detector.Observe(1, 100 * Mb, 0));
        Assert.Null(detector.Observe(2, 104 * Mb, 0));
        var spike = detector.Observe(3, 114 * Mb, 0);

        Assert.NotNull(spike);
        Assert.Equal("spike", spike.Type);
        Assert.Equal("Memory spike: +10.0 MB", spike.Location);
        Assert.Equal(10, spike.DeltaMb);
        Assert.Equal(3, spike.Ts);
    }

    [Fact]
    public void Sustained_high_cpu_is_one_event_on_the_rising_edge()
    {
        var detector = new SpikeDetector(new SpikeOptions(CpuPct: 80));
        (long Ms, double Pct)[] samples = [(0, 10), (100, 85), (200, 95), (300, 40), (400, 99), (1000, 50), (1500, 50), (2100, 50), (2200, 90)];

        var events = samples.Select(s => detector.Observe(s.Ms, 0, s.Pct)).Where(e => e is not null).ToList();

        // The dip at 300 ms is too short to end the spike; a full second under 80 % (1000–2100 ms) re-arms it.
        Assert.Equal([100L, 2200L], events.Select(e => e!.Ts));
        Assert.All(events, e => Assert.Equal("cpu_spike", e!.Type));
    }

    [Fact]
    public void Thresholds_are_options()
    {
        var detector = new SpikeDetector(new SpikeOptions(MemoryGrowthMb: 50, CpuPct: 150));

        Assert.Null(detector.Observe(1, 0, 120));
        Assert.Null(detector.Observe(2, 40 * Mb, 140));
        Assert.Equal("cpu_spike", detector.Observe(3, 40 * Mb, 160)?.Type);
    }
}
