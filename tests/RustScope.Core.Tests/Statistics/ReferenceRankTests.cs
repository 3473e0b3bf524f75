using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class ReferenceRankTests
{
    public static TheoryData<string> All => Reference.SampleNames;

    public static TheoryData<string> WithoutTies => Reference.SampleNamesWith("exact");

    [Theory]
    [MemberData(nameof(All))]
    public void Normal_approximation_matches_SciPy(string name)
    {
        var sample = Reference.Sample(name);
        var expected = sample.GetProperty("normal");
        var result = MannWhitney.Test(sample.Doubles("first"), sample.Doubles("second"), MannWhitneyMethod.Normal);
        Reference.Close(expected.Number("u"), result.U, "U");
        Reference.Close(expected.Number("greater"), result.PValues.Greater, "greater");
        Reference.Close(expected.Number("less"), result.PValues.Less, "less");
        Reference.Close(expected.Number("two_sided"), result.PValues.TwoSided, "two-sided");
    }

    [Theory]
    [MemberData(nameof(WithoutTies))]
    public void Exact_distribution_matches_SciPy(string name)
    {
        var sample = Reference.Sample(name);
        var expected = sample.GetProperty("exact");
        var result = MannWhitney.Test(sample.Doubles("first"), sample.Doubles("second"), MannWhitneyMethod.Exact);
        Reference.Close(expected.Number("greater"), result.PValues.Greater, "greater");
        Reference.Close(expected.Number("less"), result.PValues.Less, "less");
        Reference.Close(expected.Number("two_sided"), result.PValues.TwoSided, "two-sided");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Hodges_Lehmann_interval_matches_R(string name)
    {
        var sample = Reference.Sample(name);
        var expected = sample.GetProperty("hodges_lehmann");
        var interval = HodgesLehmann.Interval(sample.Doubles("first"), sample.Doubles("second"), sample.Number("level"));
        Reference.Close(expected.Number("estimate"), interval.Estimate, "estimate");
        Reference.Close(expected.Number("low"), interval.Low, "low");
        Reference.Close(expected.Number("high"), interval.High, "high");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Rank_equivalence_test_matches_SciPy_on_shifted_samples(string name)
    {
        var sample = Reference.Sample(name);
        var p = Equivalence.Tost(sample.Doubles("first"), sample.Doubles("second"), sample.Number("margin"), static (a, b) => MannWhitney.Test(a, b).PValues);
        Reference.Close(sample.Number("tost_rank"), p, "TOST");
    }

    [Fact]
    public void Exact_quantiles_match_R_qwilcox()
    {
        foreach (var row in Reference.Qwilcox)
        {
            var q = MannWhitneyDistribution.Quantile(row.Number("p"), row.GetProperty("m").GetInt32(), row.GetProperty("n").GetInt32());
            Assert.Equal(row.GetProperty("q").GetInt32(), q);
        }
    }

    [Fact]
    public void Five_runs_a_side_cannot_go_below_one_in_252()
    {
        double[] low = [1, 2, 3, 4, 5], high = [6, 7, 8, 9, 10];
        Assert.Equal(1.0 / 252, MannWhitney.Test(low, high).PValues.Greater, 15);
    }
}
