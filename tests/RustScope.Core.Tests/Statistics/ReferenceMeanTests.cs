using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class ReferenceMeanTests
{
    public static TheoryData<string> WithWelch => Reference.SampleNamesWith("welch");

    public static TheoryData<string> WithBootstrap => Reference.SampleNamesWith("bootstrap");

    [Theory]
    [MemberData(nameof(WithWelch))]
    public void Welch_t_matches_SciPy(string name)
    {
        var sample = Reference.Sample(name);
        var expected = sample.GetProperty("welch");
        Reference.CloseTTest(expected, WelchT.Test(sample.Doubles("first"), sample.Doubles("second")), sample.Number("level"));
    }

    [Theory]
    [MemberData(nameof(WithWelch))]
    public void Welch_equivalence_test_matches_SciPy_on_shifted_samples(string name)
    {
        var sample = Reference.Sample(name);
        var p = Equivalence.Tost(sample.Doubles("first"), sample.Doubles("second"), sample.Number("margin"), static (a, b) => WelchT.Test(a, b).PValues);
        Reference.Close(sample.Number("tost_welch"), p, "TOST");
    }

    [Theory]
    [MemberData(nameof(WithBootstrap))]
    public void Bootstrap_matches_the_same_generator_and_percentiles_in_NumPy(string name)
    {
        var sample = Reference.Sample(name);
        var expected = sample.GetProperty("bootstrap");
        var interval = BootstrapRatio.MedianRatioInterval(
            sample.Doubles("first"), sample.Doubles("second"), sample.Number("level"), expected.GetProperty("seed").GetInt32(), expected.GetProperty("resamples").GetInt32());
        Reference.Close(expected.Number("estimate"), interval.Estimate, "estimate");
        Reference.Close(expected.Number("low"), interval.Low, "low");
        Reference.Close(expected.Number("high"), interval.High, "high");
    }

    [Fact]
    public void Corrections_match_R_p_adjust()
    {
        foreach (var row in Reference.Corrections)
        {
            var p = row.Doubles("p");
            var holm = Corrections.Holm(p);
            var bh = Corrections.BenjaminiHochberg(p);
            for (var i = 0; i < p.Length; i++)
            {
                Reference.Close(row.Doubles("holm")[i], holm[i], $"holm[{i}]");
                Reference.Close(row.Doubles("bh")[i], bh[i], $"bh[{i}]");
            }
        }
    }
}
