using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class CounterSampleMatcherTests
{
    [Fact]
    public void Each_sample_takes_the_nearest_report_within_a_second()
    {
        IReadOnlyList<Sample> samples = [Sample(1_000), Sample(2_000), Sample(3_000), Sample(9_000)];
        IReadOnlyList<RuntimeCounterPoint> counters =
        [
            new() { Ts = 2_600, GcHeapMb = 12, Gen0Gcs = 3 },
            new() { Ts = 1_100, GcHeapMb = 10, Gen0Gcs = 1, AllocMbPerS = 50, ThreadpoolThreads = 4 },
        ];

        var matched = CounterSampleMatcher.Attach(samples, counters);

        Assert.Equal([10, 12, 12, null], matched.Select(s => s.GcHeapMb));
        Assert.Equal([1, 3, 3, null], matched.Select(s => s.Gen0Gcs));
        Assert.Equal(50, matched[0].AllocMbPerS);
        Assert.Equal(4, matched[0].ThreadpoolThreads);
        Assert.Equal(samples[3], matched[3]);
    }

    [Fact]
    public void Without_reports_the_samples_are_unchanged()
    {
        IReadOnlyList<Sample> samples = [Sample(1_000)];

        Assert.Same(samples, CounterSampleMatcher.Attach(samples, []));
    }

    private static Sample Sample(long ts) => new() { Ts = ts, CpuPct = 50, HeapMb = 20, Threads = 3 };
}
