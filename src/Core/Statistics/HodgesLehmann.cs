using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace RustScope.Core.Statistics;

/// <summary>
/// The Hodges-Lehmann shift of a second sample against a first (the median of all pairwise differences)
/// and its distribution-free interval by inverting the Mann-Whitney test (Bauer 1972), as R's
/// <c>wilcox.test(second, first, conf.int = TRUE, exact = TRUE)</c> computes it without ties.
/// </summary>
internal static class HodgesLehmann
{
    /// <summary>The shift estimate and interval at <paramref name="level"/>; both samples must be non-empty.</summary>
    public static ShiftInterval Interval(IReadOnlyList<double> first, IReadOnlyList<double> second, double level)
    {
        var differences = SortedDifferences(first, second);
        var estimate = SortedArrayStatistics.Median(differences);
        int m = first.Count, n = second.Count;
        var lowerIndex = LowerOrderStatistic(first, second, 1 - level);
        // R: qu = qwilcox(alpha/2); an empty tail (qu = 0) is widened to the extreme difference.
        lowerIndex = Math.Max(lowerIndex, 1);
        var upperIndex = (m * n) - lowerIndex + 1;
        return new ShiftInterval(estimate, differences[lowerIndex - 1], differences[upperIndex - 1], level);
    }

    /// <summary>All differences second[j] − first[i], sorted.</summary>
    public static double[] SortedDifferences(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var differences = new double[first.Count * second.Count];
        var k = 0;
        foreach (var b in second)
        {
            foreach (var a in first)
            {
                differences[k++] = b - a;
            }
        }

        Array.Sort(differences);
        return differences;
    }

    // The 1-based order statistic of the differences that bounds the interval from below.
    private static int LowerOrderStatistic(IReadOnlyList<double> first, IReadOnlyList<double> second, double alpha)
    {
        int m = first.Count, n = second.Count;
        Ranking.RankSumOfFirst(first, second, out var tieTerm, out var hasTies);
        if (!hasTies && (long)m * n <= MannWhitneyDistribution.MaxExactProduct)
        {
            return MannWhitneyDistribution.Quantile(alpha / 2, m, n);
        }

        // Large samples or ties: the normal quantile of U (Hollander & Wolfe, 3rd ed., eq. 4.41), tie-corrected variance.
        var total = m + n;
        var variance = m * (double)n / 12 * (total + 1 - (tieTerm / (total * (total - 1.0))));
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return (int)Math.Floor((m * (double)n / 2) - (z * Math.Sqrt(Math.Max(variance, 0))));
    }
}
