namespace RustScope.Core.Statistics;

/// <summary>Welch's unequal-variance t-test, matching SciPy's <c>ttest_ind(second, first, equal_var=False)</c>.</summary>
internal static class WelchT
{
    /// <summary>
    /// Tests whether the mean of <paramref name="second"/> differs from that of <paramref name="first"/>; both need two
    /// values or more. <paramref name="firstSize"/> and <paramref name="secondSize"/> replace the sample sizes in the
    /// standard error and the degrees of freedom when the values are autocorrelated (their effective sizes, see
    /// <see cref="EffectiveSampleSize"/>); SciPy's <c>ttest_ind_from_stats</c> with those sizes computes the same.
    /// </summary>
    public static TTestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, double? firstSize = null, double? secondSize = null)
    {
        var a = Welford.Of(first);
        var b = Welford.Of(second);
        var countA = firstSize ?? a.Count;
        var countB = secondSize ?? b.Count;
        var varianceA = a.Variance / countA;
        var varianceB = b.Variance / countB;
        var degrees = ((varianceA + varianceB) * (varianceA + varianceB))
            / ((varianceA * varianceA / (countA - 1)) + (varianceB * varianceB / (countB - 1)));
        return TTestResult.Of(b.Mean - a.Mean, Math.Sqrt(varianceA + varianceB), degrees);
    }
}
