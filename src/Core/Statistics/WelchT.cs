using MathNet.Numerics.Distributions;

namespace RustScope.Core.Statistics;

/// <summary>Welch's unequal-variance t-test, matching SciPy's <c>ttest_ind(second, first, equal_var=False)</c>.</summary>
internal static class WelchT
{
    /// <summary>Tests whether the mean of <paramref name="second"/> differs from that of <paramref name="first"/>; both need two values or more.</summary>
    public static WelchTResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var a = Welford.Of(first);
        var b = Welford.Of(second);
        var varianceA = a.Variance / a.Count;
        var varianceB = b.Variance / b.Count;
        var standardError = Math.Sqrt(varianceA + varianceB);
        var difference = b.Mean - a.Mean;
        if (standardError == 0)
        {
            // Both samples constant: the difference is known exactly, so it is either certain or absent.
            var certain = difference == 0 ? PValues.FromOneSided(1, 1) : PValues.FromOneSided(difference > 0 ? 0 : 1, difference < 0 ? 0 : 1);
            return new WelchTResult(difference, 0, difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference), double.NaN, certain);
        }

        var degrees = ((varianceA + varianceB) * (varianceA + varianceB))
            / ((varianceA * varianceA / (a.Count - 1)) + (varianceB * varianceB / (b.Count - 1)));
        var t = difference / standardError;
        var pValues = PValues.FromOneSided(StudentT.CDF(0, 1, degrees, -t), StudentT.CDF(0, 1, degrees, t));
        return new WelchTResult(difference, standardError, t, degrees, pValues);
    }
}
