using System.Text.Json;
using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class ReferenceRankTests
{
    public static TheoryData<string> All => Reference.SampleNames;

    public static TheoryData<string> WithoutTies => Reference.SampleNamesWith("exact");

    public static TheoryData<string> ExactInR => Reference.WilcoxNames("exact");

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
    public void Mann_Whitney_p_values_match_R_wilcox_test(string name)
    {
        var sample = Reference.Sample(name);
        var expected = Reference.Wilcox(name);
        var method = expected.GetProperty("method").GetString() == "exact" ? MannWhitneyMethod.Exact : MannWhitneyMethod.Normal;
        var result = MannWhitney.Test(sample.Doubles("first"), sample.Doubles("second"), method);
        Reference.Close(expected.Number("p_greater"), result.PValues.Greater, "greater");
        Reference.Close(expected.Number("p_less"), result.PValues.Less, "less");
        // R's two-sided p is NaN (null) when every value is tied; the C# gives 1 there, as SciPy does (tested above).
        if (expected.GetProperty("p_two_sided").ValueKind != JsonValueKind.Null)
        {
            Reference.Close(expected.Number("p_two_sided"), result.PValues.TwoSided, "two-sided");
        }
    }

    [Theory]
    [MemberData(nameof(ExactInR))]
    public void Exact_Hodges_Lehmann_interval_matches_R(string name)
    {
        var sample = Reference.Sample(name);
        var expected = Reference.Wilcox(name);
        var interval = HodgesLehmann.Interval(sample.Doubles("first"), sample.Doubles("second"), sample.Number("level"));
        Reference.Close(expected.Number("estimate"), interval.Estimate, "estimate");
        Reference.Close(expected.Number("low"), interval.Low, "low");
        Reference.Close(expected.Number("high"), interval.High, "high");
    }

    /// <summary>
    /// With ties or large samples R solves for the bounds with <c>uniroot(tol = 1e-4)</c> on a step function that only
    /// jumps at pairwise differences, so its root lies within 1e-4 of one of them (plus float noise: 1.5e-4 allowed).
    /// The C# must return exactly the difference R's root sits on: a test within 1e-4 alone could not tell two
    /// neighbouring differences apart. R's estimate (a root at z = 0) is any point where the rank sum balances, i.e.
    /// between the two middle differences; the C# gives their midpoint, the median.
    /// </summary>
    [Theory]
    [InlineData("ties-small")]
    [InlineData("ties-rounded")]
    [InlineData("large-n-normal")]
    [InlineData("large-n-ties")]
    public void Normal_Hodges_Lehmann_interval_is_the_difference_R_converges_on(string name)
    {
        const double uniroot = 1.5e-4;
        var sample = Reference.Sample(name);
        var expected = Reference.Wilcox(name);
        Assert.Equal("normal", expected.GetProperty("method").GetString());
        var (first, second) = (sample.Doubles("first"), sample.Doubles("second"));
        var differences = HodgesLehmann.SortedDifferences(first, second);
        var interval = HodgesLehmann.Interval(first, second, sample.Number("level"));

        foreach (var (bound, actual) in new[] { ("low", interval.Low), ("high", interval.High) })
        {
            var root = expected.Number(bound);
            var nearest = differences.MinBy(d => Math.Abs(d - root));
            Assert.True(Math.Abs(nearest - root) <= uniroot, $"{bound}: R's root {root:R} is not on a difference");
            Assert.Equal(nearest, actual);
        }

        var middle = (differences[(differences.Length - 1) / 2], differences[differences.Length / 2]);
        Assert.InRange(expected.Number("estimate"), middle.Item1 - uniroot, middle.Item2 + uniroot);
        Assert.Equal((middle.Item1 + middle.Item2) / 2, interval.Estimate);
    }

    [Fact]
    public void Every_value_tied_gives_the_single_difference_where_R_refuses_an_interval()
    {
        var sample = Reference.Sample("identical");
        Assert.True(Reference.Wilcox("identical").TryGetProperty("interval_error", out _));

        var interval = HodgesLehmann.Interval(sample.Doubles("first"), sample.Doubles("second"), sample.Number("level"));

        Assert.Equal((0.0, 0.0, 0.0), (interval.Estimate, interval.Low, interval.High));
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
