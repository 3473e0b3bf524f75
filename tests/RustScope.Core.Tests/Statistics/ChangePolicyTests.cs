using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class ChangePolicyTests
{
    private static readonly double[] TenRuns = [100.2, 99.1, 101.4, 100.8, 98.7, 100.1, 99.6, 101.0, 100.4, 99.3];

    private static double[] Scaled(double[] values, double factor) => [.. values.Select(v => v * factor)];

    private static JudgedChange JudgeOne(double[] baseline, double[] head, ChangeAnalysisOptions? options = null)
    {
        options ??= ChangeAnalysisOptions.Default;
        return FamilyJudge.Judge([ChangeAnalyzer.Analyze(baseline, head, options)], options).Single();
    }

    [Fact]
    public void A_clear_30_percent_slowdown_with_10_runs_is_Regressed()
    {
        var judged = JudgeOne(TenRuns, Scaled(TenRuns, 1.3));
        Assert.Equal(Verdict.Regressed, judged.Verdict);
        Assert.Equal(0.3, judged.Analysis.Change, 3);
        Assert.True(judged.Analysis.ChangeCiLow > 0.05);
        Assert.True(judged.AdjustedPValue < 0.01);
        Assert.Equal(TestNames.WelchTLog, judged.Analysis.Test);
    }

    [Fact]
    public void Twenty_runs_a_side_use_the_rank_test_and_its_Hodges_Lehmann_interval()
    {
        double[] baseline = [.. TenRuns, .. Scaled(TenRuns, 1.001)];
        var judged = JudgeOne(baseline, Scaled(baseline, 1.3));
        Assert.Equal(TestNames.MannWhitneyExact, judged.Analysis.Test);
        Assert.Equal(Verdict.Regressed, judged.Verdict);
        Assert.Equal(0.3, judged.Analysis.Change, 2);
    }

    [Fact]
    public void A_clear_30_percent_speedup_is_Improved_and_reversed_when_higher_is_better()
    {
        Assert.Equal(Verdict.Improved, JudgeOne(TenRuns, Scaled(TenRuns, 0.7)).Verdict);
        Assert.Equal(Verdict.Regressed, JudgeOne(TenRuns, Scaled(TenRuns, 0.7), ChangeAnalysisOptions.Default with { LowerIsBetter = false }).Verdict);
    }

    [Fact]
    public void Five_runs_a_side_use_Welch_on_logs_because_the_rank_floor_is_1_in_252()
    {
        var analysis = ChangeAnalyzer.Analyze(TenRuns[..5], Scaled(TenRuns[..5], 1.3), ChangeAnalysisOptions.Default);
        Assert.Equal(TestNames.WelchTLog, analysis.Test);
        Assert.True(analysis.PValueWorse < 1.0 / 252);
    }

    [Fact]
    public void Identical_deterministic_samples_are_Unchanged_without_a_test()
    {
        var judged = JudgeOne([5, 5, 5], [5, 5, 5], ChangeAnalysisOptions.Default with { Deterministic = true });
        Assert.Equal(Verdict.Unchanged, judged.Verdict);
        Assert.Equal(TestNames.Deterministic, judged.Analysis.Test);
        Assert.Null(judged.AdjustedPValue);
    }

    [Fact]
    public void Timings_without_spread_at_the_clocks_resolution_are_ranked_not_taken_as_proof()
    {
        // A 1-2 ms program timed to the millisecond: two runs a side that happen to read 1 and 2 ms prove nothing.
        var twoRuns = JudgeOne([0.001, 0.001], [0.002, 0.002], ChangeAnalysisOptions.Default with { Durations = true });
        Assert.Equal(Verdict.Inconclusive, twoRuns.Verdict);
        Assert.Equal(TestNames.MannWhitneyNormal, twoRuns.Analysis.Test);

        // Thirteen a side that all read 1 ms against 2 ms are evidence, and five equal a side show equivalence.
        var thirteen = JudgeOne([.. Enumerable.Repeat(0.001, 13)], [.. Enumerable.Repeat(0.002, 13)], ChangeAnalysisOptions.Default with { Durations = true });
        Assert.Equal(Verdict.Regressed, thirteen.Verdict);
        Assert.Equal(Verdict.Unchanged, JudgeOne([0.004, 0.004, 0.004, 0.004, 0.004], [0.004, 0.004, 0.004, 0.004, 0.004]).Verdict);
    }

    [Fact]
    public void Deterministic_allocations_regress_on_any_change_beyond_the_threshold()
    {
        var options = ChangeAnalysisOptions.Default with { Threshold = new RegressionThreshold(null, 16) };
        Assert.Equal(Verdict.Regressed, JudgeOne([1024, 1024], [1048, 1048], options with { Deterministic = true }).Verdict);
        Assert.Equal(Verdict.Unchanged, JudgeOne([1024, 1024], [1032, 1032], options with { Deterministic = true }).Verdict);
        Assert.Equal(Verdict.Improved, JudgeOne([1024], [512], options with { Deterministic = true }).Verdict);
    }

    [Fact]
    public void A_regression_must_clear_both_the_relative_and_the_absolute_threshold()
    {
        // +30 % of ~100 ns is ~30 ns: clears 5 % but not 50 ns.
        var options = ChangeAnalysisOptions.Default with { Threshold = new RegressionThreshold(0.05, 50) };
        var judged = JudgeOne(TenRuns, Scaled(TenRuns, 1.3), options);
        Assert.NotEqual(Verdict.Regressed, judged.Verdict);
        Assert.Equal(Verdict.Regressed, JudgeOne(TenRuns, Scaled(TenRuns, 1.3), options with { Threshold = new RegressionThreshold(0.05, 20) }).Verdict);
    }

    [Fact]
    public void A_quiet_unchanged_metric_is_shown_equivalent()
    {
        var judged = JudgeOne(TenRuns, [.. TenRuns.Reverse().Select(v => v * 1.002)]);
        Assert.Equal(Verdict.Unchanged, judged.Verdict);
        Assert.True(judged.Analysis.EquivalencePValue < 0.01);
    }

    [Fact]
    public void A_noisy_metric_is_Inconclusive_with_the_runs_that_would_decide_it()
    {
        double[] baseline = [100, 130, 85, 120, 95], head = [110, 150, 90, 135, 105];
        var judged = JudgeOne(baseline, head);
        Assert.Equal(Verdict.Inconclusive, judged.Verdict);
        Assert.True(judged.Analysis.RunsNeeded > 5);
    }

    [Theory]
    [InlineData(double.NaN, "not a finite number")]
    [InlineData(double.PositiveInfinity, "not a finite number")]
    [InlineData(-1.0, "negative")]
    public void Bad_values_are_Invalid_with_a_reason(double bad, string reason)
    {
        var judged = JudgeOne([1, 2, 3], [1, bad, 3]);
        Assert.Equal(Verdict.Invalid, judged.Verdict);
        Assert.Contains("head sample #2", judged.Analysis.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, judged.Analysis.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_samples_are_Invalid_and_do_not_enter_the_family()
    {
        var options = ChangeAnalysisOptions.Default;
        var analyses = new[] { ChangeAnalyzer.Analyze([], [1.0], options), ChangeAnalyzer.Analyze(TenRuns, Scaled(TenRuns, 1.3), options) };
        var judged = FamilyJudge.Judge(analyses, options);
        Assert.Equal([Verdict.Invalid, Verdict.Regressed], judged.Select(j => j.Verdict));
        Assert.Equal("The baseline has no samples.", judged[0].Analysis.Reason);
    }

    [Fact]
    public void A_single_run_a_side_is_Inconclusive_and_says_why()
    {
        var judged = JudgeOne([100], [200]);
        Assert.Equal(Verdict.Inconclusive, judged.Verdict);
        Assert.Equal(1.0, judged.Analysis.Change);
        Assert.Contains("single sample", judged.Analysis.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_baselines_give_an_infinite_relative_change_not_NaN()
    {
        var judged = JudgeOne([0, 0, 0], [64, 64, 64], ChangeAnalysisOptions.Default with { Threshold = new RegressionThreshold(null, 32), Deterministic = true });
        Assert.Equal(Verdict.Regressed, judged.Verdict);
        Assert.Equal(double.PositiveInfinity, judged.Analysis.Change);
        Assert.Equal(64, judged.Analysis.AbsoluteChange);
    }

    [Fact]
    public void The_correction_spans_the_whole_family()
    {
        // A lone moderate regression passes; among 200 unchanged metrics its p-value no longer survives Holm.
        var rng = new Random(7);
        double[] Noisy(double factor) => [.. Enumerable.Range(0, 5).Select(_ => factor * (100 + rng.NextDouble()))];
        var options = ChangeAnalysisOptions.Default with { Correction = MultipleComparisonCorrection.Holm };
        var suspect = ChangeAnalyzer.Analyze([100, 104, 98, 102, 101], [108, 112, 107, 111, 109], options);
        Assert.Equal(Verdict.Regressed, FamilyJudge.Judge([suspect], options).Single().Verdict);
        var family = new[] { suspect }.Concat(Enumerable.Range(0, 200).Select(_ => ChangeAnalyzer.Analyze(Noisy(1), Noisy(1), options))).ToArray();
        var judged = FamilyJudge.Judge(family, options)[0];
        Assert.NotEqual(Verdict.Regressed, judged.Verdict);
        Assert.True(judged.AdjustedPValue > suspect.PValueWorse);
    }

    [Fact]
    public void Nonsense_options_are_a_programming_error_not_a_verdict()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeAnalyzer.Analyze(TenRuns, TenRuns, ChangeAnalysisOptions.Default with { Alpha = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeAnalyzer.Analyze(TenRuns, TenRuns, ChangeAnalysisOptions.Default with { ConfidenceLevel = 1 }));
    }

    [Fact]
    public void Analyses_are_reproducible()
    {
        var first = ChangeAnalyzer.Analyze(TenRuns, Scaled(TenRuns, 1.1), ChangeAnalysisOptions.Default);
        var second = ChangeAnalyzer.Analyze(TenRuns, Scaled(TenRuns, 1.1), ChangeAnalysisOptions.Default);
        Assert.Equal(first, second);
    }
}
