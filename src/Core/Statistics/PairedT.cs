namespace RustScope.Core.Statistics;

/// <summary>
/// The paired t-test: a one-sample t-test of the differences second[i] − first[i], matching SciPy's
/// <c>ttest_rel(second, first)</c>. On log values it tests the mean log ratio of the pairs, the paired form of Welch's
/// t-test on log values.
/// </summary>
internal static class PairedT
{
    /// <summary>Tests whether the pairs' mean difference is zero; both samples have the same length, two or more.</summary>
    public static TTestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var differences = Differences(first, second);
        return TTestResult.Of(differences.Mean, Math.Sqrt(differences.Variance / differences.Count), differences.Count - 1);
    }

    /// <summary>The mean and spread of the pairs' differences second[i] − first[i].</summary>
    public static Welford Differences(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var differences = new Welford();
        for (var i = 0; i < second.Count; i++)
        {
            differences.Add(second[i] - first[i]);
        }

        return differences;
    }
}
