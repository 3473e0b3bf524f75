using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

/// <summary>The tests of dependent samples against SciPy 1.10 (reference/make_reference_dependent.py).</summary>
public sealed class ReferenceDependentTests
{
    public static TheoryData<string> Paired => Reference.DependentNames("paired", "paired");

    public static TheoryData<string> Autocorrelated => Reference.DependentNames("effective", "size_first");

    [Theory]
    [MemberData(nameof(Paired))]
    public void Paired_t_matches_SciPy_ttest_rel_with_its_interval_and_equivalence_test(string name)
    {
        var sample = Reference.Dependent("paired", name);
        var expected = sample.GetProperty("paired");
        var (first, second) = (sample.Doubles("first"), sample.Doubles("second"));

        Reference.CloseTTest(expected, PairedT.Test(first, second), sample.Number("level"));
        Reference.Close(expected.Number("tost"), Equivalence.Tost(first, second, sample.Number("margin"), static (a, b) => PairedT.Test(a, b).PValues), "TOST");
    }

    [Theory]
    [MemberData(nameof(Autocorrelated))]
    public void Welch_on_effective_sizes_matches_SciPy_ttest_ind_from_stats(string name)
    {
        var sample = Reference.Dependent("effective", name);
        var (first, second) = (sample.Doubles("first"), sample.Doubles("second"));

        Reference.Close(sample.Number("rho_first"), EffectiveSampleSize.LagOneAutocorrelation(first), "rho first");
        Reference.Close(sample.Number("rho_second"), EffectiveSampleSize.LagOneAutocorrelation(second), "rho second");
        var (sizeFirst, sizeSecond) = (EffectiveSampleSize.Of(first), EffectiveSampleSize.Of(second));
        Reference.Close(sample.Number("size_first"), sizeFirst, "size first");
        Reference.Close(sample.Number("size_second"), sizeSecond, "size second");
        var result = WelchT.Test(first, second, sizeFirst, sizeSecond);
        Reference.Close(sample.Number("greater"), result.PValues.Greater, "greater");
        Reference.Close(sample.Number("less"), result.PValues.Less, "less");
        Reference.Close(sample.Number("two_sided"), result.PValues.TwoSided, "two-sided");
    }

    [Fact]
    public void Autocorrelated_iterations_give_larger_p_values_than_counting_each_as_independent()
    {
        Assert.All(Reference.DependentCases("effective"), sample =>
            Assert.True(sample.Number("two_sided") >= sample.Number("naive_two_sided") - 1e-12, sample.GetProperty("name").GetString()));
    }
}
