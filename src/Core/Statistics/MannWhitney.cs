using MathNet.Numerics.Distributions;

namespace RustScope.Core.Statistics;

/// <summary>
/// The Mann-Whitney U (Wilcoxon rank-sum) test, matching SciPy's <c>mannwhitneyu(second, first)</c>
/// with <c>use_continuity=True</c>: exact for small samples without ties, otherwise normal with tie correction.
/// </summary>
internal static class MannWhitney
{
    /// <summary>Tests whether <paramref name="second"/> differs from <paramref name="first"/>; both must be non-empty.</summary>
    public static MannWhitneyResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, MannWhitneyMethod method = MannWhitneyMethod.Auto)
    {
        int m = first.Count, n = second.Count;
        var rankSum = Ranking.RankSumOfFirst(second, first, out var tieTerm, out var hasTies);
        var u = rankSum - (n * (n + 1) / 2.0);
        if (method == MannWhitneyMethod.Auto)
        {
            method = !hasTies && (long)m * n <= MannWhitneyDistribution.MaxExactProduct ? MannWhitneyMethod.Exact : MannWhitneyMethod.Normal;
        }

        var pValues = method == MannWhitneyMethod.Exact ? ExactPValues(u, m, n) : NormalPValues(u, m, n, tieTerm);
        return new MannWhitneyResult(u, pValues, method);
    }

    private static PValues ExactPValues(double u, int m, int n)
    {
        // Without ties U is an integer; rounding only guards the representation.
        var whole = (int)Math.Round(u);
        return PValues.FromOneSided(MannWhitneyDistribution.Survival(whole, m, n), MannWhitneyDistribution.Cdf(whole, m, n));
    }

    private static PValues NormalPValues(double u, int m, int n, double tieTerm)
    {
        var total = m + n;
        var mean = m * (double)n / 2;
        var tieFactor = total > 1 ? tieTerm / (total * (total - 1.0)) : 0;
        var variance = m * (double)n / 12 * (total + 1 - tieFactor);
        if (variance <= 0)
        {
            // Every value equal: no evidence either way (SciPy's limit of a zero-width normal is the same).
            return PValues.FromOneSided(1, 1);
        }

        var sd = Math.Sqrt(variance);
        var greater = Normal.CDF(0, 1, -(u - mean - 0.5) / sd);
        var less = Normal.CDF(0, 1, (u - mean + 0.5) / sd);
        return PValues.FromOneSided(greater, less);
    }
}
