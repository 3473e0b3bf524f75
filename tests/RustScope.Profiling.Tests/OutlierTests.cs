using ProfiledLibrary;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling.Tests;

public sealed class OutlierTests : IDisposable
{
    private const long SteadyTicks = 1_000_000;

    public OutlierTests()
    {
        Profiler.Reset();
        Profiler.Configure(new ProfilerOptions { OutlierWarmupCalls = 10, OutlierSigma = 3 });
    }

    public void Dispose() => Profiler.Configure(new ProfilerOptions());

    [Fact]
    public void Injected_slow_calls_after_warm_up_are_outliers()
    {
        Calls("steady", Enumerable.Repeat(1.0, 30).Concat([40.0, 40.0]));

        var steady = Report.Of("steady");
        // Both injected calls are flagged. On a loaded machine a preempted 1 ms spin is a real outlier too, so only
        // the lower bound is certain; the ring keeps the most recent ones.
        Assert.True(steady.Outliers >= 2, $"{steady.Outliers} outliers mean {steady.MeanNs} sd {steady.StdevNs} max {steady.MaxNs} p50 {steady.P50Ns} p95 {steady.P95Ns}");
        Assert.Equal(Math.Min(steady.Outliers, 8), steady.RecentOutliers.Count);
    }

    // Synthetic durations (no clock): fifteen steady calls, a fifty-times slower one at call 16, four steady ones.
    [Theory]
    [InlineData(20, 0)]
    [InlineData(10, 1)]
    public void A_slow_call_is_judged_only_after_the_configured_warm_up(int warmupCalls, long expectedOutliers)
    {
        Profiler.Configure(new ProfilerOptions { OutlierWarmupCalls = warmupCalls, OutlierSigma = 3 });
        var name = $"synthetic.warmup{warmupCalls}";
        var id = FunctionRegistry.Register(name);
        var recorder = FunctionRegistry.Current;
        for (var call = 1; call <= 20; call++)
        {
            var ticks = call == 16 ? 50 * SteadyTicks : SteadyTicks + (call % 3 * 10_000);
            recorder.RecordDetached(id, ticks, depth: 0);
        }

        var report = Report.Of(name);
        Assert.Equal(20, report.Calls);
        Assert.Equal(expectedOutliers, report.Outliers);
        Assert.Equal(expectedOutliers, report.RecentOutliers.Count);
    }

    [Fact]
    public void A_slow_call_long_after_the_warm_up_is_still_an_outlier()
    {
        var id = FunctionRegistry.Register("synthetic.late");
        var recorder = FunctionRegistry.Current;
        for (var call = 1; call <= 1_000; call++)
        {
            recorder.RecordDetached(id, call == 997 ? 50 * SteadyTicks : SteadyTicks + (call % 3 * 10_000), depth: 0);
        }

        Assert.Equal(1, Report.Of("synthetic.late").Outliers);
    }

    // Past the first 64 calls the limits follow every sixteenth call: after the durations double at call 101, the
    // first dozen calls of the new level are outliers, not all 900 (as with limits frozen after call 64).
    [Fact]
    public void Limits_recomputed_every_few_calls_catch_up_with_a_change_of_level()
    {
        var id = FunctionRegistry.Register("synthetic.level");
        var recorder = FunctionRegistry.Current;
        for (var call = 1; call <= 1_000; call++)
        {
            recorder.RecordDetached(id, ((call <= 100 ? 1 : 2) * SteadyTicks) + (call % 3 * 10_000), depth: 0);
        }

        Assert.InRange(Report.Of("synthetic.level").Outliers, 1, 16);
    }

    // Durations a million ticks from zero that differ by a few: a sum of squares taken from zero would cancel.
    [Fact]
    public void The_deviation_merged_over_threads_matches_a_two_pass_computation()
    {
        var id = FunctionRegistry.Register("synthetic.deviation");
        long[][] perThread = [[.. Enumerable.Range(0, 500).Select(i => SteadyTicks + (i % 7))], [.. Enumerable.Range(0, 300).Select(i => SteadyTicks + 3 + (i % 5))]];
        foreach (var durations in perThread)
        {
            var thread = new Thread(() =>
            {
                foreach (var ticks in durations)
                {
                    FunctionRegistry.Current.RecordDetached(id, ticks, depth: 0);
                }
            });
            thread.Start();
            thread.Join();
        }

        var all = perThread.SelectMany(d => d).Select(t => (double)t).ToArray();
        var mean = all.Average();
        var expected = Math.Sqrt(all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1)) * CallClock.NanosecondsPerTick;
        var report = Report.Of("synthetic.deviation");
        Assert.Equal(800, report.Calls);
        Assert.Equal(expected, report.StdevNs, 1e-9 * SteadyTicks);
    }

    // Six slow calls on each of two threads, the second thread later: the report keeps the eight newest, oldest first.
    [Fact]
    public void Recent_outliers_merged_over_threads_are_the_newest_in_order()
    {
        var id = FunctionRegistry.Register("synthetic.recent");
        void RecordOnANewThread()
        {
            var recorder = new Thread(() =>
            {
                for (var call = 1; call <= 120; call++)
                {
                    FunctionRegistry.Current.RecordDetached(id, call % 20 == 0 ? 50 * SteadyTicks : SteadyTicks + (call % 3 * 10_000), depth: 0);
                }
            });
            recorder.Start();
            recorder.Join();
        }

        RecordOnANewThread();
        Thread.Sleep(20);
        var secondThreadStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        RecordOnANewThread();

        var report = Report.Of("synthetic.recent");
        Assert.Equal(12, report.Outliers);
        Assert.Equal(8, report.RecentOutliers.Count);
        Assert.Equal(report.RecentOutliers.Order(), report.RecentOutliers);
        Assert.Equal(6, report.RecentOutliers.Count(ts => ts >= secondThreadStart));
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfilerOptions { OutlierWarmupCalls = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfilerOptions { OutlierSigma = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfilerOptions { OutlierSigma = -2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfilerOptions { OutlierSigma = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfilerOptions { OutlierSigma = double.PositiveInfinity });
        Assert.Equal(0, new ProfilerOptions { OutlierWarmupCalls = 0 }.OutlierWarmupCalls);
    }

    private static void Calls(string name, IEnumerable<double> milliseconds)
    {
        foreach (var ms in milliseconds)
        {
            using var _ = Profiler.Scope(name);
            Checkout.Spin(TimeSpan.FromMilliseconds(ms));
        }
    }
}
