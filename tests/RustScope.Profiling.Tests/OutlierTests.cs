using ProfiledLibrary;

namespace RustScope.Profiling.Tests;

public sealed class OutlierTests
{
    public OutlierTests()
    {
        Profiler.Reset();
        Profiler.Configure(new ProfilerOptions { OutlierWarmupCalls = 10, OutlierSigma = 3 });
    }

    [Fact]
    public void Injected_slow_calls_after_warm_up_are_outliers()
    {
        Calls("steady", Enumerable.Repeat(1.0, 30).Concat([40.0, 40.0]));

        var steady = Report.Of("steady");
        // Both injected calls are flagged. On a loaded machine a preempted 1 ms spin is a real outlier too, so only
        // the lower bound is certain; the ring keeps the most recent ones.
        Assert.True(steady.Outliers >= 2, $"{steady.Outliers} outliers");
        Assert.Equal(Math.Min(steady.Outliers, 8), steady.RecentOutliers.Count);
    }

    [Fact]
    public void A_slow_call_during_warm_up_is_not_an_outlier()
    {
        Calls("warming", new[] { 40.0 }.Concat(Enumerable.Repeat(1.0, 29)));

        Assert.Equal(0, Report.Of("warming").Outliers);
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
