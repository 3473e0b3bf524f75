using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

/// <summary>The runs of one interleaved series (rustscope ab) are compared as pairs, so the machine's drift cancels.</summary>
public sealed class InterleavedPairsTests
{
    // The machine's load per pair of runs: ±20 %, far more than the change, shared by both runs of a pair.
    private static readonly double[] Load = [1.00, 1.20, 0.85, 1.10, 0.90, 1.25, 0.80, 1.15, 0.95, 1.05];

    // Each run's own noise, ±1 %.
    private static readonly double[] Own = [1.000, 1.010, 0.990, 1.005, 0.995, 1.008, 0.992, 1.003, 0.997, 1.001];

    private static readonly ComparisonOptions Options = new() { BaselineName = "base.json", HeadName = "head.json" };

    private static ProfileSession Side(double scale, string side, string series = "s1", Func<int, int>? noise = null) => WithRuns(Load.Length) with
    {
        Meta = WithRuns(1).Meta with { Interleaving = series.Length == 0 ? null : new Interleaving { SeriesId = series, Side = side } },
        Runs = [.. WithRuns(Load.Length).Runs.Select((r, i) => r with { WallTimeS = 2 * scale * Load[i] * Own[(noise ?? (j => j))(i) % Own.Length] })],
    };

    private static MetricComparison Wall(ComparisonResult result) => Assert.Single(result.AllMetrics, m => m.Metric == "wall_time");

    [Fact]
    public void A_10_percent_slowdown_hidden_in_20_percent_drift_is_found_when_the_runs_are_paired()
    {
        var paired = SessionComparer.Compare(Side(1, "base"), Side(1.10, "head", noise: i => i + 3), Options);
        var unpaired = SessionComparer.Compare(Side(1, "base", series: ""), Side(1.10, "head", series: "", noise: i => i + 3), Options);

        Assert.Equal((TestNames.PairedTLog, Verdict.Regressed), (Wall(paired).Test, Wall(paired).Verdict));
        Assert.Equal((TestNames.WelchTLog, Verdict.Inconclusive), (Wall(unpaired).Test, Wall(unpaired).Verdict));
        Assert.InRange(Wall(paired).Change!.Value, 0.08, 0.12);
        Assert.True(Wall(paired).ChangeCiHigh - Wall(paired).ChangeCiLow < (Wall(unpaired).ChangeCiHigh - Wall(unpaired).ChangeCiLow) / 4);
    }

    [Fact]
    public void An_A_A_series_under_drift_is_shown_unchanged_when_paired()
    {
        var result = SessionComparer.Compare(Side(1, "base"), Side(1, "head", noise: i => i + 5), Options);

        Assert.Equal((TestNames.PairedTLog, Verdict.Unchanged), (Wall(result).Test, Wall(result).Verdict));
        Assert.Equal(SummaryStatistic.GeometricMean, Wall(result).Statistic);
    }

    [Fact]
    public void Sessions_of_different_series_are_not_paired()
    {
        var result = SessionComparer.Compare(Side(1, "base", series: "s1"), Side(1.10, "head", series: "s2"), Options);

        Assert.Equal(TestNames.WelchTLog, Wall(result).Test);
    }

    [Fact]
    public void Runs_that_do_not_line_up_are_compared_unpaired()
    {
        var head = Side(1.10, "head");
        head = head with { Runs = [.. head.Runs.Skip(1)] };

        var result = SessionComparer.Compare(Side(1, "base"), head, Options);

        Assert.Equal(TestNames.WelchTLog, Wall(result).Test);
    }
}
