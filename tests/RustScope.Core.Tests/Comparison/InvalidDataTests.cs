using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

/// <summary>Data that cannot be judged fails the gate with its reason; nothing about it is made up.</summary>
public sealed class InvalidDataTests
{
    private static readonly ComparisonOptions Options = new() { BaselineName = "base.json", HeadName = "head.json" };

    private static ProfileSession WithWallTimes(params double[] wallTimes) =>
        WithRuns(wallTimes.Length) with { Runs = [.. WithRuns(wallTimes.Length).Runs.Select((r, i) => r with { WallTimeS = wallTimes[i] })] };

    private static MetricComparison Wall(ComparisonResult result) => Assert.Single(result.AllMetrics, m => m.Metric == "wall_time");

    public static TheoryData<double[], string> BadHeads() => new()
    {
        { [2.0, -1, 2.1, 2.0, 1.9], "negative" },
        { [2.0, double.NaN, 2.1, 2.0, 1.9], "NaN" },
        { [2.0, double.PositiveInfinity, 2.1, 2.0, 1.9], "not a finite number" },
        { [1e300, 2e300, 3e300, 1e300, 2e300], "too large to compute with" },
        { [0, 0, 0, 0, 0], "nothing was measured" },
    };

    [Theory]
    [MemberData(nameof(BadHeads))]
    public void Bad_values_in_head_are_invalid_fail_the_gate_and_show_no_figures(double[] head, string reason)
    {
        var result = SessionComparer.Compare(WithWallTimes(2.0, 2.1, 1.9, 2.0, 2.05), WithWallTimes(head), Options);

        var wall = Wall(result);
        Assert.Equal(Verdict.Invalid, wall.Verdict);
        Assert.Contains(reason, wall.Reason, StringComparison.Ordinal);
        Assert.Contains("head", wall.Reason, StringComparison.Ordinal);
        Assert.Equal((null, null, null, null, null), (wall.Statistic, wall.BaselineValue, wall.HeadValue, wall.Change, wall.ChangeCiLow));
        Assert.True(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void A_budget_check_without_a_baseline_does_not_pass_on_bad_figures()
    {
        var budget = Core.Budgets.BudgetFile.Parse("version: 1\ntargets:\n  - name: checkout\n    budgets:\n      process: { wall_time: 10s }\n", "rustscope.yml");

        var result = SessionComparer.Check(WithWallTimes(2.0, -1, 2.1), new ComparisonOptions { Budget = budget });

        Assert.Equal(Verdict.Invalid, Wall(result).Verdict);
        Assert.True(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void A_metric_only_in_head_with_bad_figures_is_invalid_rather_than_new()
    {
        var head = WithRuns(5, cpuScale: 1) with { Runs = [.. WithRuns(5, cpuScale: 1).Runs.Select((r, i) => r with { CpuS = i == 3 ? double.NaN : r.CpuS })] };

        var result = SessionComparer.Compare(WithRuns(5), head, Options);

        Assert.Equal(Verdict.Invalid, Assert.Single(result.AllMetrics, m => m.Metric == "cpu_time").Verdict);
    }

    [Fact]
    public void Calls_that_are_not_judged_still_fail_on_invalid_counts()
    {
        var head = WithRuns(5) with { Runs = [.. WithRuns(5).Runs.Select(r => r with { Functions = [.. r.Functions.Select(f => f with { Calls = -3 })] })] };

        var result = SessionComparer.Compare(WithRuns(5), head, Options);

        Assert.Equal(Verdict.Invalid, Assert.Single(result.AllMetrics, m => m.Metric == "calls").Verdict);
    }

    [Fact]
    public void A_benchmark_without_iterations_in_head_is_invalid()
    {
        var baseline = WithRuns(0) with { Benchmarks = [new BenchmarkResult { Name = "Parse", Samples = [100, 101, 99] }] };
        var head = WithRuns(0) with { Benchmarks = [new BenchmarkResult { Name = "Parse", Samples = [] }] };

        var result = SessionComparer.Compare(baseline, head, Options);

        var median = Assert.Single(result.AllMetrics, m => m.Subject == "Parse");
        Assert.Equal((Verdict.Invalid, "The head has no samples."), (median.Verdict, median.Reason));
        Assert.True(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void A_count_that_fell_to_zero_has_an_interval_that_stops_at_minus_100_percent()
    {
        var analysis = ChangeAnalyzer.Analyze([5, 7, 6, 8, 5], [0, 0, 0, 0, 1], ChangeAnalysisOptions.Default);

        Assert.Equal(TestNames.WelchT, analysis.Test);
        Assert.True(analysis.ChangeCiLow >= -1, $"{analysis.ChangeCiLow}");
        Assert.True(analysis.AbsoluteCiLow >= -analysis.BaselineCenter);
    }

    // 21 ms over 20 ms is exactly +5 %: at the 5 % threshold, so neither beyond it (Regressed) nor inside it (Unchanged),
    // however 21/20 − 1 or exp(ln 21 − ln 20) − 1 round. 13 runs a side: the rank test, which compares the medians.
    [Fact]
    public void A_change_exactly_at_the_threshold_is_judged_at_it()
    {
        var result = SessionComparer.Compare(WithWallTimes([.. Enumerable.Repeat(0.020, 13)]), WithWallTimes([.. Enumerable.Repeat(0.021, 12), 0.022]), Options);

        var wall = Wall(result);
        Assert.Equal((TestNames.MannWhitneyNormal, Verdict.Inconclusive), (wall.Test, wall.Verdict));
        Assert.StartsWith("at the threshold: the 90 % interval [+5.0 %, ", wall.Reason, StringComparison.Ordinal);
        Assert.Null(wall.RunsNeeded);
        Assert.False(result.Failed(FailOn.Regressed));
    }

    // Under Welch's test the geometric means are compared: every head run exactly 5 % slower puts the estimate on the
    // threshold, where no number of runs can decide it.
    [Fact]
    public void An_estimate_exactly_at_the_threshold_is_undecided_and_asks_for_no_runs()
    {
        double[] baseline = [0.020, 0.0202, 0.0198, 0.0201, 0.0199, 0.020];

        var wall = Wall(SessionComparer.Compare(WithWallTimes(baseline), WithWallTimes([.. baseline.Select(v => v * 21 / 20)]), Options));

        Assert.Equal((TestNames.WelchTLog, Verdict.Inconclusive), (wall.Test, wall.Verdict));
        Assert.Equal(0.05, wall.Change!.Value, 12);
        Assert.Null(wall.RunsNeeded);
    }

    [Theory]
    [InlineData(105, Verdict.Unchanged)]
    [InlineData(105.001, Verdict.Regressed)]
    [InlineData(95, Verdict.Unchanged)]
    public void A_deterministic_change_at_the_threshold_is_not_beyond_it(double head, Verdict expected)
    {
        var analysis = ChangeAnalyzer.Analyze([100, 100, 100], [head, head, head], ChangeAnalysisOptions.Default with { Deterministic = true });

        var judged = Assert.Single(FamilyJudge.Judge([analysis], ChangeAnalysisOptions.Default));

        Assert.Equal(expected, judged.Verdict);
    }
}
