using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Series;

public sealed class FirstRunOutlierTests
{
    private static RunAggregate Run(int index, double wallS, double cpuS = 1, double peakRssMb = 50) =>
        new() { Index = index, WallTimeS = wallS, CpuS = cpuS, PeakRssMb = peakRssMb, CpuPctMean = cpuS / wallS * 100 };

    [Fact]
    public void A_slow_cold_first_run_is_flagged_with_the_figures_and_the_advice()
    {
        RunAggregate[] runs = [Run(0, 1.52), Run(1, 1.01), Run(2, 1.04), Run(3, 1.02), Run(4, 1.03)];

        var warning = Assert.Single(FirstRunOutlier.Warnings(runs, warmupRuns: 0));

        Assert.Equal("the first measured run is an outlier: wall_time 1.52 s against 1.01–1.04 s in the other 4 runs (median 1.025 s); --warmup-runs 1 discards it", warning);
    }

    [Fact]
    public void After_warm_ups_the_advice_is_more_of_them()
    {
        RunAggregate[] runs = [Run(0, 1, peakRssMb: 80), Run(1, 1), Run(2, 1), Run(3, 1)];

        var warning = Assert.Single(FirstRunOutlier.Warnings(runs, warmupRuns: 1));

        Assert.StartsWith("the first measured run is an outlier: peak_rss 80 MB", warning, StringComparison.Ordinal);
        Assert.EndsWith("more than 1 warm-up run(s) may be needed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpu_outlier_is_named_as_budgets_and_comparisons_name_it()
    {
        RunAggregate[] runs = [Run(0, 1, cpuS: 1.6), Run(1, 1), Run(2, 1), Run(3, 1)];

        var warning = Assert.Single(FirstRunOutlier.Warnings(runs, warmupRuns: 0));

        Assert.StartsWith("the first measured run is an outlier: cpu_time 1.6 s", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.03)] // inside the others' spread
    [InlineData(1.06)] // beyond it but within 5 % of the median: noise, not a cold start
    public void A_first_run_in_line_with_the_others_is_not_flagged(double firstWallS)
    {
        RunAggregate[] runs = [Run(0, firstWallS), Run(1, 1.01), Run(2, 1.04), Run(3, 1.02)];

        Assert.Empty(FirstRunOutlier.Warnings(runs, warmupRuns: 0));
    }

    [Fact]
    public void Too_few_runs_to_judge_the_first_are_not_judged()
    {
        Assert.Empty(FirstRunOutlier.Warnings([Run(0, 9), Run(1, 1), Run(2, 1)], warmupRuns: 0));
    }
}
