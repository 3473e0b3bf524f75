using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

/// <summary>The values shown for each side are the statistic the test compared, and the change is theirs.</summary>
public sealed class ComparedStatisticTests
{
    private static ChangeAnalysis Analyze(double[] baseline, double[] head) => ChangeAnalyzer.Analyze(baseline, head, ChangeAnalysisOptions.Default);

    private static JudgedChange Judge(double[] baseline, double[] head) => FamilyJudge.Judge([Analyze(baseline, head)], ChangeAnalysisOptions.Default).Single();

    private static double Median(double[] sample) => Medians.Of(sample);

    [Fact]
    public void Welch_on_logs_shows_geometric_means_even_when_the_medians_move_the_other_way()
    {
        // Issue 18: a p95 shown as 20.49 → 19.44 ms (medians) with a change of +9.4 % (geometric means).
        double[] baseline = [20.49, 20.6, 20.3, 20.49, 20.7, 20.2], head = [19.44, 19.3, 19.6, 28, 30, 19.44];

        var analysis = Analyze(baseline, head);

        Assert.True(Median(head) < Median(baseline));
        Assert.Equal(SummaryStatistic.GeometricMean, analysis.Statistic);
        Assert.Equal(Math.Exp(head.Average(Math.Log)), analysis.HeadCenter, 12);
        Assert.True(analysis.HeadCenter > analysis.BaselineCenter);
        Assert.Equal((analysis.HeadCenter / analysis.BaselineCenter) - 1, analysis.Change, 12);
        Assert.Equal(analysis.HeadCenter - analysis.BaselineCenter, analysis.AbsoluteChange, 9);
    }

    [Fact]
    public void A_zero_among_the_values_compares_arithmetic_means()
    {
        double[] baseline = [0, 10, 20, 15, 14], head = [5, 12, 22, 18, 0];

        var analysis = Analyze(baseline, head);

        Assert.Equal((SummaryStatistic.Mean, TestNames.WelchT), (analysis.Statistic, analysis.Test));
        Assert.Equal((11.8, 11.4), (analysis.BaselineCenter, analysis.HeadCenter));
        Assert.Equal((11.4 / 11.8) - 1, analysis.Change, 12);
    }

    [Fact]
    public void The_rank_test_shows_medians_and_widens_its_interval_to_the_change_of_the_medians()
    {
        // Head's median run did not move while 9 of its 20 runs doubled: Hodges-Lehmann's shift sees the doubled runs,
        // the medians do not, and the interval shown must hold the change shown.
        double[] baseline = [.. Enumerable.Range(100, 20).Select(static v => (double)v)];
        double[] head = [.. Enumerable.Repeat(109.5, 11), .. Enumerable.Repeat(220.0, 9)];

        var analysis = Analyze(baseline, head);
        var hodgesLehmann = HodgesLehmann.Interval([.. baseline.Select(static v => Math.Log(v))], [.. head.Select(static v => Math.Log(v))], 0.90);

        Assert.Equal((SummaryStatistic.Median, TestNames.MannWhitneyNormal), (analysis.Statistic, analysis.Test));
        Assert.Equal((Median(baseline), Median(head)), (analysis.BaselineCenter, analysis.HeadCenter));
        Assert.Equal(0, analysis.Change);
        Assert.True(Math.Exp(hodgesLehmann.Low) - 1 > analysis.Change, "the test's own interval lies above the medians' change");
        Assert.Equal(analysis.Change, analysis.ChangeCiLow, 12);
        Assert.Equal(Math.Exp(hodgesLehmann.High) - 1, analysis.ChangeCiHigh, 12);
    }

    [Fact]
    public void Noise_is_the_pooled_coefficient_of_variation()
    {
        double[] runs = [95, 100, 105], slower = [190, 200, 210];

        Assert.Equal(0.05, Analyze(runs, slower).Noise, 12);
        Assert.Equal(0, Analyze([7, 7], [9, 9]).Noise);
        Assert.True(double.IsNaN(Analyze([100], [100, 101]).Noise));
    }

    [Theory]
    [InlineData(new double[] { 100 }, new double[] { 200 }, InconclusiveCause.SingleValue)]
    [InlineData(new double[] { 100, 130, 85, 120, 95 }, new double[] { 110, 150, 90, 135, 105 }, InconclusiveCause.SpansThreshold)]
    [InlineData(new double[] { 100, 106, 94 }, new double[] { 120, 127, 113 }, InconclusiveCause.NotSignificant)]
    [InlineData(new double[] { 101, 99, 103 }, new double[] { 101, 99, 103 }, InconclusiveCause.EquivalenceNotShown)]
    public void An_inconclusive_verdict_names_the_condition_it_missed(double[] baseline, double[] head, InconclusiveCause cause)
    {
        var judged = Judge(baseline, head);

        Assert.Equal((Verdict.Inconclusive, cause), (judged.Verdict, judged.Cause));
    }

    [Fact]
    public void Decided_verdicts_have_no_inconclusive_cause()
    {
        double[] runs = [100.2, 99.1, 101.4, 100.8, 98.7, 100.1, 99.6, 101.0, 100.4, 99.3];

        Assert.Null(Judge(runs, [.. runs.Select(static v => v * 1.3)]).Cause);
        Assert.Null(Judge(runs, [.. runs.Reverse()]).Cause);
    }
}
