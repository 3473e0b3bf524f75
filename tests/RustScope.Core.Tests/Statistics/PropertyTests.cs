using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;
using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class PropertyTests
{
    private static Arbitrary<double[]> Samples(int min) =>
        Gen.Choose(1, 100_000).Select(static v => v / 100.0).ArrayOf().Where(a => a.Length >= min && a.Length <= 30).ToArbitrary();

    private static bool IsProbability(double p) => p is >= 0 and <= 1;

    [Property]
    public Property Mann_Whitney_p_values_are_probabilities_and_swap_with_the_samples() =>
        Prop.ForAll(Samples(1), Samples(1), static (a, b) =>
        {
            var forward = MannWhitney.Test(a, b).PValues;
            var backward = MannWhitney.Test(b, a).PValues;
            return IsProbability(forward.Greater) && IsProbability(forward.Less) && IsProbability(forward.TwoSided)
                && Math.Abs(forward.Greater - backward.Less) < 1e-12 && Math.Abs(forward.TwoSided - backward.TwoSided) < 1e-12;
        });

    [Property]
    public Property Welch_p_values_are_probabilities_and_swap_with_the_samples() =>
        Prop.ForAll(Samples(2), Samples(2), static (a, b) =>
        {
            var forward = WelchT.Test(a, b).PValues;
            var backward = WelchT.Test(b, a).PValues;
            return IsProbability(forward.Greater) && IsProbability(forward.TwoSided) && Math.Abs(forward.Greater - backward.Less) < 1e-12;
        });

    [Property]
    public Property Tails_of_a_t_test_are_bit_for_bit_those_of_the_t_distribution() =>
        Prop.ForAll(Gen.Choose(-4_000_000, 4_000_000).ToArbitrary(), Gen.Choose(1, 2_000_000).ToArbitrary(), static (t, degrees) =>
        {
            // One beta function gives both tails; the distribution's CDF computes each of them from the same one.
            var (statistic, freedom) = (t / 100_000.0, degrees / 1_000.0);
            var tails = TTestResult.Of(statistic, 1, freedom).PValues;
            return tails.Greater == StudentT.CDF(0, 1, freedom, -statistic) && tails.Less == StudentT.CDF(0, 1, freedom, statistic);
        });

    [Property]
    public Property Hodges_Lehmann_interval_holds_its_estimate_and_moves_with_a_shift() =>
        Prop.ForAll(Samples(1), Samples(1), Gen.Choose(-50, 50).ToArbitrary(), static (a, b, shift) =>
        {
            var interval = HodgesLehmann.Interval(a, b, 0.95);
            var moved = HodgesLehmann.Interval(a, [.. b.Select(v => v + shift)], 0.95);
            return interval.Low <= interval.Estimate && interval.Estimate <= interval.High
                && Math.Abs(moved.Estimate - interval.Estimate - shift) < 1e-9;
        });

    [Property]
    public Property Corrections_never_lower_a_p_value_keep_the_order_and_Holm_is_the_stricter() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).Select(static v => v / 1e6).ArrayOf().Where(static a => a.Length > 0).ToArbitrary(), static p =>
        {
            var holm = Corrections.Holm(p);
            var bh = Corrections.BenjaminiHochberg(p);
            var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
            return Enumerable.Range(0, p.Length).All(i => holm[i] >= p[i] && bh[i] >= p[i] && holm[i] >= bh[i] - 1e-15 && holm[i] <= 1)
                && order.Zip(order.Skip(1)).All(pair => holm[pair.First] <= holm[pair.Second] && bh[pair.First] <= bh[pair.Second]);
        });

    [Property]
    public Property Welford_agrees_with_two_pass_variance_even_far_from_zero() =>
        Prop.ForAll(Samples(2), static a =>
        {
            double[] shifted = [.. a.Select(v => v + 1e9)];
            var mean = shifted.Average();
            var twoPass = shifted.Sum(v => (v - mean) * (v - mean)) / (shifted.Length - 1);
            return Math.Abs(Welford.Of(shifted).Variance - twoPass) <= 1e-6 * Math.Max(1, twoPass);
        });

    [Property]
    public Property Analyses_never_throw_keep_p_values_in_range_and_change_the_statistic_they_show() =>
        Prop.ForAll(Samples(1), Samples(1), static (a, b) =>
        {
            var analysis = ChangeAnalyzer.Analyze(a, b, ChangeAnalysisOptions.Default);
            var shown = (analysis.HeadCenter / analysis.BaselineCenter) - 1;
            return !analysis.Invalid && IsProbability(analysis.PValueWorse) && IsProbability(analysis.PValueBetter)
                && analysis.ChangeCiLow <= analysis.Change && analysis.Change <= analysis.ChangeCiHigh
                && Math.Abs(analysis.Change - shown) <= 1e-12 * Math.Max(1, Math.Abs(shown));
        });

    [Fact]
    public void Bootstrap_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        // Enough distinct values that the percentiles fall between order statistics and depend on the draws.
        double[] a = [.. Enumerable.Range(0, 25).Select(static i => 10 + Math.Sin(i))], b = [.. Enumerable.Range(0, 30).Select(static i => 11 + Math.Cos(i))];
        Assert.Equal(BootstrapRatio.MedianRatioInterval(a, b, 0.95, 1), BootstrapRatio.MedianRatioInterval(a, b, 0.95, 1));
        Assert.NotEqual(BootstrapRatio.MedianRatioInterval(a, b, 0.95, 1), BootstrapRatio.MedianRatioInterval(a, b, 0.95, 2));
    }
}
