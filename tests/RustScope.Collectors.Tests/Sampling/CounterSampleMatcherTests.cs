using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class CounterSampleMatcherTests
{
    [Fact]
    public void Each_report_goes_to_one_sample_the_nearest_within_a_second()
    {
        IReadOnlyList<Sample> samples = [Sample(1_000), Sample(2_000), Sample(3_000), Sample(9_000)];
        IReadOnlyList<RuntimeCounterPoint> counters =
        [
            new() { Ts = 2_600, GcHeapMb = 12, Gen0Gcs = 3 },
            new() { Ts = 1_100, GcHeapMb = 10, Gen0Gcs = 1, AllocMbPerS = 50, ThreadpoolThreads = 4 },
        ];

        var matched = CounterSampleMatcher.Attach(samples, counters);

        // The report at 2600 is nearer 3000 than 2000; the sample at 2000 gets none rather than a second copy of it,
        // which would count its 3 GCs twice when samples are summed.
        Assert.Equal([10, null, 12, null], matched.Select(s => s.GcHeapMb));
        Assert.Equal([1, null, 3, null], matched.Select(s => s.Gen0Gcs));
        Assert.Equal(samples[1], matched[1]);
        Assert.Equal(50, matched[0].AllocMbPerS);
        Assert.Equal(4, matched[0].ThreadpoolThreads);
        Assert.Equal(samples[3], matched[3]);
    }

    [Fact]
    public void The_reports_of_several_processes_add_up_and_time_in_gc_is_the_highest()
    {
        IReadOnlyList<Sample> samples = [Sample(1_000), Sample(2_000)];
        IReadOnlyList<RuntimeCounterPoint> root = [new() { Ts = 1_050, GcHeapMb = 10, Gen0Gcs = 1, GcPauseMs = 2, TimeInGcPct = 5, JitMethods = 100, Exceptions = 1 }];
        IReadOnlyList<RuntimeCounterPoint> child =
        [
            new() { Ts = 980, GcHeapMb = 30, Gen0Gcs = 2, GcPauseMs = 4, TimeInGcPct = 20, JitMethods = 300, LockContentions = 7 },
            new() { Ts = 2_010, GcHeapMb = 31, JitMethods = 5 },
        ];

        var matched = CounterSampleMatcher.AttachAll(samples, [root, child]);

        Assert.Equal([40, 31], matched.Select(s => s.GcHeapMb));
        Assert.Equal([3, null], matched.Select(s => s.Gen0Gcs));
        Assert.Equal(6, matched[0].GcPauseMs);
        Assert.Equal(20, matched[0].TimeInGcPct);
        Assert.Equal([400, 5], matched.Select(s => s.JitMethods));
        Assert.Equal(1, matched[0].Exceptions);
        Assert.Equal(7, matched[0].LockContentions);
    }

    [Fact]
    public void With_reports_drifting_around_the_samples_no_report_is_counted_twice()
    {
        // Reports 0.6 s and 0.5 s after alternate seconds, as a loaded machine delivers them.
        IReadOnlyList<Sample> samples = [.. Enumerable.Range(1, 10).Select(second => Sample(second * 1_000L))];
        IReadOnlyList<RuntimeCounterPoint> counters =
        [
            .. Enumerable.Range(1, 10).Select(n => new RuntimeCounterPoint { Ts = (n * 1_000L) + (n % 2 == 1 ? 600 : 500), Gen0Gcs = n }),
        ];

        var matched = CounterSampleMatcher.Attach(samples, counters);

        // 1.6 s is nearer 2 s than 1 s, so the first sample has none; the report at 10.5 s has no free sample left.
        Assert.Equal([null, 1, 2, 3, 4, 5, 6, 7, 8, 9], matched.Select(s => s.Gen0Gcs));
    }

    [Fact]
    public void Without_reports_the_samples_are_unchanged()
    {
        IReadOnlyList<Sample> samples = [Sample(1_000)];

        Assert.Same(samples, CounterSampleMatcher.Attach(samples, []));
    }

    private static Sample Sample(long ts) => new() { Ts = ts, CpuPct = 50, HeapMb = 20, Threads = 3 };
}
