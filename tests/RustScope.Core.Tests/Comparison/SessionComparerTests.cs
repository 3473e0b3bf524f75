using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
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
        var fat = WithRuns(10) with { Runs = [.. WithRuns(10).Runs.Select(r => r with { PeakRssMb = 180 + r.Index })] };

        var result = SessionComparer.Compare(fat, fat, Options());

        var rss = Metric(result, "peak_rss");
        Assert.Equal(Verdict.BudgetExceeded, rss.Verdict);
        Assert.Equal(150, rss.Budget);
        Assert.Equal("184.5 MB (median of 10 runs) exceeds the budget of 150 MB", rss.Reason);
        // The columns keep the compared statistic; the reason names the one the budget bounds.
        Assert.Equal((SummaryStatistic.GeometricMean, 0.0), (rss.Statistic, rss.Change));
        Assert.InRange(rss.HeadValue!.Value, 184.4, 184.5);
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
        Assert.Equal((null, null, null, null), (wall.Statistic, wall.BaselineValue, wall.HeadValue, wall.Change));
    }

    [Fact]
    public void A_single_run_each_side_is_a_warning_and_never_a_confident_verdict()
    {
        var single = WithRuns(0);

        var result = SessionComparer.Compare(single, WithRuns(0, wallScale: 1.3), Options());

        Assert.Contains(result.Warnings, w => w.Contains("single run", StringComparison.Ordinal));
        Assert.Equal(Verdict.Inconclusive, Metric(result, "wall_time").Verdict);
        Assert.Equal("single", Metric(result, "wall_time").Samples);
        Assert.Null(Metric(result, "wall_time").RunsNeeded);
        Assert.Contains("rustscope run --runs N", Metric(result, "wall_time").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Head_30_percent_faster_over_10_runs_is_an_improvement()
    {
        var result = SessionComparer.Compare(WithRuns(10), WithRuns(10, wallScale: 0.7), Options());

        var wall = Metric(result, "wall_time");
        Assert.Equal(Verdict.Improved, wall.Verdict);
        Assert.InRange(wall.Change!.Value, -0.35, -0.25);
        Assert.True(wall.ChangeCiHigh < -0.05);
        Assert.Equal(Verdict.Improved, Metric(result, "p95", "Shop.Checkout.Pay").Verdict);
        Assert.False(result.Failed(FailOn.Inconclusive));
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void An_alpha_override_outside_0_to_0_5_is_an_input_error(double alpha)
    {
        var error = Assert.Throws<InputException>(() => SessionComparer.Compare(WithRuns(3), WithRuns(3), Options() with { Alpha = alpha }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("--alpha", DiagnosticCodes.BudgetBadValue), (diagnostic.File, diagnostic.Code));
        Assert.Contains("between 0 and 0.5", diagnostic.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => SessionComparer.Check(WithRuns(3), Options() with { Alpha = alpha }));
    }

    [Fact]
    public void The_correction_is_chosen_by_option_or_budget_file_and_defaults_to_benjamini_hochberg()
    {
        const string holmBudget = "version: 1\ndefaults: { correction: holm }";
        var baseline = WithRuns(10);
        var head = WithRuns(10, wallScale: 1.3);

        var byDefault = SessionComparer.Compare(baseline, head, Options());
        var byOption = SessionComparer.Compare(baseline, head, Options() with { Correction = MultipleComparisonCorrection.Holm });
        var byFile = SessionComparer.Compare(baseline, head, Options(holmBudget));
        var optionWins = SessionComparer.Compare(baseline, head, Options(holmBudget) with { Correction = MultipleComparisonCorrection.BenjaminiHochberg });

        Assert.Equal(("benjamini-hochberg", "holm", "holm", "benjamini-hochberg"), (byDefault.Correction, byOption.Correction, byFile.Correction, optionWins.Correction));
        // Holm multiplies the smallest p-value by the family size; BH by the family size over its rank, never more.
        var holm = Metric(byOption, "wall_time").AdjustedPValue!.Value;
        var bh = Metric(byDefault, "wall_time").AdjustedPValue!.Value;
        Assert.True(holm > bh, $"Holm {holm} should exceed BH {bh}");
        Assert.Equal(holm, Metric(byFile, "wall_time").AdjustedPValue);
    }

    [Fact]
    public void More_calls_are_shown_but_not_judged_without_a_rule_for_them()
    {
        var faster = WithCalls(WithRuns(5), 1200);

        var result = SessionComparer.Compare(WithRuns(5), faster, Options(null));

        var calls = Metric(result, "calls", "Shop.Checkout.Pay");
        Assert.Equal(Verdict.NotJudged, calls.Verdict);
        Assert.Equal(0.2, calls.Change!.Value, 12);
        Assert.Null(calls.AdjustedPValue);
        Assert.Contains("give 'calls' a budget", calls.Reason, StringComparison.Ordinal);
        Assert.False(result.Failed(FailOn.Inconclusive));
    }

    [Theory]
    [InlineData("calls: { regression: 5% }", Verdict.Regressed)]
    [InlineData("direction: higher", Verdict.Improved)]
    public void Calls_are_judged_when_the_budget_file_says_how(string rule, Verdict expected)
    {
        var budget = $$"""
            version: 1
            targets:
              - name: checkout
                budgets:
                  functions:
                    "Shop.*": { {{rule}} }
            """;

        var result = SessionComparer.Compare(WithRuns(5), WithCalls(WithRuns(5), 1200), Options(budget));

        var calls = Metric(result, "calls", "Shop.Checkout.Pay");
        Assert.Equal(expected, calls.Verdict);
        Assert.Equal("deterministic", calls.Test);
    }

    [Fact]
    public void Allocations_that_vary_across_runs_get_the_usual_tests()
    {
        static ProfileSession Varying(double scale) => WithRuns(10) with
        {
            Runs = [.. WithRuns(10).Runs.Select((r, i) => r with { Functions = [r.Functions[0] with { AllocBytesPerCall = scale * (500 + (i % 4)) }] })],
        };

        var result = SessionComparer.Compare(Varying(1), Varying(1.5), Options(null));

        var alloc = Metric(result, "alloc_per_call", "Shop.Checkout.Pay");
        Assert.Equal("welch-t-log", alloc.Test);
        Assert.Equal(Verdict.Regressed, alloc.Verdict);
        Assert.NotNull(alloc.AdjustedPValue);
    }

    private const string GcCountBudget = """
        version: 1
        targets:
          - name: checkout
            budgets:
              process: { gc_count: 10 }
        """;

    [Fact]
    public void A_gc_count_budget_is_checked_against_the_collections_in_the_samples()
    {
        var collecting = WithRuns(0) with { Samples = [GcSample(1, gen0: 6, gen2: 1), GcSample(2, gen0: 7, gen2: 0)] };

        var result = SessionComparer.Check(collecting, Options(GcCountBudget));

        var gc = Metric(result, "gc_count");
        Assert.Equal(Verdict.BudgetExceeded, gc.Verdict);
        Assert.Equal((13.0, 10.0), (gc.HeadValue!.Value, gc.Budget!.Value));
        Assert.Equal(new SourceLocation("rustscope.yml", 5, 28), gc.BudgetLocation);
    }

    [Fact]
    public void A_gc_count_budget_without_gc_figures_is_missing_with_the_reason_never_a_pass()
    {

        var check = SessionComparer.Check(WithRuns(3), Options(GcCountBudget));
        var compare = SessionComparer.Compare(WithRuns(3), WithRuns(3), Options(GcCountBudget));

        foreach (var result in new[] { check, compare })
        {
            var gc = Metric(result, "gc_count");
            Assert.Equal(Verdict.Missing, gc.Verdict);
            Assert.Contains("no GC counts", gc.Reason, StringComparison.Ordinal);
            Assert.Equal(10, gc.Budget);
        }

        Assert.DoesNotContain(check.Warnings, w => w.Contains("nothing was checked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_process_metric_shows_its_budget_in_the_metrics_own_unit()
    {
        // Sessions without the kernel's CPU accounting have no cpu_time; the 5 s budget must read 5 s, not 5e9 of nothing.
        var result = SessionComparer.Check(WithRuns(3), Options("""
            version: 1
            targets:
              - name: checkout
                budgets:
                  process: { cpu_time: 5s }
            """));

        var cpu = Metric(result, "cpu_time");
        Assert.Equal(Verdict.Missing, cpu.Verdict);
        Assert.Equal(("s", 5.0), (cpu.Unit, cpu.Budget!.Value));
    }

    private const string ParseMedianBudget = """
        version: 1
        targets:
          - name: checkout
            budgets:
              benchmarks:
                "Parse*": { median: 1us }
        """;

    [Theory]
    [InlineData("us", 1.5, Verdict.BudgetExceeded)]
    [InlineData("us", 0.8, Verdict.WithinBudget)]
    [InlineData("ns", 800, Verdict.WithinBudget)]
    [InlineData("ms", 0.0008, Verdict.WithinBudget)]
    public void Benchmark_budgets_are_scaled_to_the_benchmark_unit(string unit, double value, Verdict expected)
    {
        var session = WithRuns(0) with { Benchmarks = [new BenchmarkResult { Name = "ParseOrder", Unit = unit, Samples = [value, value * 1.01, value * 0.99] }] };

        var result = SessionComparer.Check(session, Options(ParseMedianBudget));

        var median = Metric(result, "median", "ParseOrder");
        Assert.Equal(expected, median.Verdict);
        Assert.Equal(unit, median.Unit);
        Assert.Equal(1000 / Scale(unit), median.Budget!.Value, 9);
    }

    [Fact]
    public void A_budget_in_time_does_not_apply_to_a_benchmark_counted_in_something_else()
    {
        var session = WithRuns(0) with { Benchmarks = [new BenchmarkResult { Name = "ParseOrder", Unit = "ops/s", Samples = [5e6, 5.1e6] }] };

        var result = SessionComparer.Check(session, Options(ParseMedianBudget));

        Assert.DoesNotContain(result.AllMetrics, m => m.Subject == "ParseOrder");
    }

    private static double Scale(string unit) => unit switch { "us" => 1e3, "ms" => 1e6, _ => 1 };

    private static Sample GcSample(long ts, int gen0, int gen2) => new() { Ts = ts, CpuPct = 50, HeapMb = 100, Threads = 4, Gen0Gcs = gen0, Gen1Gcs = gen2, Gen2Gcs = gen2 };

    private static ProfileSession WithCalls(ProfileSession session, long calls) => session with
    {
        Runs = [.. session.Runs.Select(r => r with { Functions = [.. r.Functions.Select(f => f with { Calls = calls })] })],
    };

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
        Assert.Equal(Verdict.WithinBudget, Metric(result, "wall_time").Verdict);
        Assert.Equal("6 s (median of 5 runs) is within the budget of 10 s", Metric(result, "wall_time").Reason);
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
        Assert.Matches(@"^too noisy for 3 runs a side: the 90 % interval \[[-+][0-9.]+ %, \+[0-9.]+ %\] reaches across the 5 % threshold; runs vary by ±[0-9.]+ %; about \d+ runs a side would decide it$", wall.Reason);
        Assert.True(result.Failed(FailOn.Inconclusive));
        Assert.False(result.Failed(FailOn.Regressed));
    }
}
