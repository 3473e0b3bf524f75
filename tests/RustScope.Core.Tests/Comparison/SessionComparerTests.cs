using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

public sealed class SessionComparerTests
{
    private const string Budget = """
        version: 1
        targets:
          - name: checkout
            budgets:
              process: { wall_time: 10s, peak_rss: 150MB }
              functions:
                "Shop.Checkout.*": { p95: 2ms, regression: { relative: 10% } }
        """;

    private static ComparisonOptions Options(string? budget = Budget) =>
        new() { Budget = budget is null ? null : BudgetFile.Parse(budget, "rustscope.yml"), BaselineName = "base.json", HeadName = "head.json" };

    private static MetricComparison Metric(ComparisonResult result, string metric, string? subject = null) =>
        Assert.Single(result.AllMetrics, m => m.Metric == metric && m.Subject == subject);

    [Fact]
    public void Head_30_percent_slower_over_10_runs_is_a_regression_pointing_at_the_budget_line()
    {
        var result = SessionComparer.Compare(WithRuns(10), WithRuns(10, wallScale: 1.3), Options());

        var wall = Metric(result, "wall_time");
        Assert.Equal(Verdict.Regressed, wall.Verdict);
        Assert.Equal(new SourceLocation("rustscope.yml", 5, 29), wall.BudgetLocation);
        Assert.InRange(wall.Change!.Value, 0.25, 0.35);
        Assert.True(wall.ChangeCiLow > 0.05);
        Assert.True(wall.AdjustedPValue < 0.01);
        Assert.Equal(("runs", 10, 10), (wall.Samples, wall.BaselineN, wall.HeadN));
        Assert.Equal(Verdict.Regressed, Metric(result, "p95", "Shop.Checkout.Pay").Verdict);
        Assert.Equal(new RegressionThreshold(0.10, null), Metric(result, "p95", "Shop.Checkout.Pay").Threshold);
        Assert.True(result.Failed(FailOn.Regressed));
        Assert.Equal("checkout", Assert.Single(result.Targets).Name);
        Assert.Equal(Verdict.Regressed, result.Targets[0].Metrics[0].Verdict);
    }

    [Fact]
    public void The_same_build_twice_does_not_fail()
    {
        var result = SessionComparer.Compare(WithRuns(10), WithRuns(10), Options());

        Assert.False(result.Failed(FailOn.Regressed));
        Assert.DoesNotContain(result.AllMetrics, m => m.Verdict is Verdict.Regressed or Verdict.Improved);
        Assert.Equal(Verdict.Unchanged, Metric(result, "wall_time").Verdict);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Allocations_per_call_are_judged_without_a_test()
    {
        var result = SessionComparer.Compare(WithRuns(3), WithRuns(3, allocScale: 2), Options(null));

        var alloc = Metric(result, "alloc_per_call", "Shop.Checkout.Pay");
        Assert.Equal(Verdict.Regressed, alloc.Verdict);
        Assert.Equal("deterministic", alloc.Test);
        Assert.Equal(1.0, alloc.Change);
    }

    [Fact]
    public void An_absolute_budget_is_broken_whatever_the_baseline_says()
    {
        var fat = WithRuns(10) with { Runs = [.. WithRuns(10).Runs.Select(r => r with { PeakRssMb = 180 })] };

        var result = SessionComparer.Compare(fat, fat, Options());

        var rss = Metric(result, "peak_rss");
        Assert.Equal(Verdict.BudgetExceeded, rss.Verdict);
        Assert.Equal(150, rss.Budget);
        Assert.Equal("peak_rss 180 MB is over the budget of 150 MB", rss.Reason);
        Assert.True(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void Functions_only_on_one_side_are_new_or_missing()
    {
        var result = SessionComparer.Compare(WithRuns(5, function: "Old.Path"), WithRuns(5, function: "Shop.Checkout.Fast"), Options());

        Assert.Equal(Verdict.Missing, Metric(result, "p95", "Old.Path").Verdict);
        Assert.Equal(Verdict.New, Metric(result, "p50", "Shop.Checkout.Fast").Verdict);
        Assert.False(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void Bad_data_gets_an_invalid_verdict_with_a_reason_instead_of_an_exception()
    {
        var broken = WithRuns(5) with { Runs = [.. WithRuns(5).Runs.Select((r, i) => r with { WallTimeS = i == 2 ? double.NaN : -1 })] };

        var result = SessionComparer.Compare(WithRuns(5), broken, Options());

        var wall = Metric(result, "wall_time");
        Assert.Equal(Verdict.Invalid, wall.Verdict);
        Assert.False(string.IsNullOrEmpty(wall.Reason));
    }

    [Fact]
    public void A_single_run_each_side_is_a_warning_and_never_a_confident_verdict()
    {
        var single = WithRuns(0);

        var result = SessionComparer.Compare(single, WithRuns(0, wallScale: 1.3), Options());

        Assert.Contains(result.Warnings, w => w.Contains("single run", StringComparison.Ordinal));
        Assert.Equal(Verdict.Inconclusive, Metric(result, "wall_time").Verdict);
        Assert.Equal("single", Metric(result, "wall_time").Samples);
    }

    [Fact]
    public void Different_hosts_are_a_warning()
    {
        var result = SessionComparer.Compare(WithRuns(5), WithRuns(5, host: Host("Other CPU")), Options());

        Assert.Contains(result.Warnings, w => w.Contains("CPU: Test CPU vs Other CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_judges_absolute_budgets_only()
    {
        var slow = WithRuns(5, wallScale: 3);

        var result = SessionComparer.Check(slow, Options());

        Assert.Null(result.Baseline);
        Assert.Equal(Verdict.BudgetExceeded, Metric(result, "p95", "Shop.Checkout.Pay").Verdict);
        Assert.Equal(Verdict.Unchanged, Metric(result, "wall_time").Verdict);
        Assert.Equal("within budget", Metric(result, "wall_time").Reason);
        Assert.Equal(3, result.AllMetrics.Count());
    }

    [Fact]
    public void An_unknown_target_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => SessionComparer.Compare(WithRuns(3), WithRuns(3), Options() with { Target = "nope" }));

        Assert.Contains("no target 'nope'", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconclusive_says_how_many_runs_would_decide()
    {
        var result = SessionComparer.Compare(WithRuns(3), WithRuns(3, wallScale: 1.06), Options(null));

        var wall = Metric(result, "wall_time");
        Assert.Equal(Verdict.Inconclusive, wall.Verdict);
        Assert.NotNull(wall.RunsNeeded);
        Assert.Contains("runs a side would decide it", wall.Reason, StringComparison.Ordinal);
        Assert.True(result.Failed(FailOn.Inconclusive));
        Assert.False(result.Failed(FailOn.Regressed));
    }
}
