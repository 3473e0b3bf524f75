using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace RustScope.Core.Statistics;

/// <summary>
/// The Hodges-Lehmann shift of a second sample against a first (the median of all pairwise differences) and its
/// distribution-free interval by inverting the Mann-Whitney test, as R's <c>wilcox.test(second, first, conf.int = TRUE)</c>
/// computes it: from the exact distribution without ties (Bauer 1972), otherwise from the normal approximation with
/// tie and continuity corrections (<c>exact = FALSE, correct = TRUE</c>).
/// </summary>
internal static class HodgesLehmann
{
    /// <summary>The shift estimate and interval at <paramref name="level"/>; both samples must be non-empty.</summary>
    public static ShiftInterval Interval(IReadOnlyList<double> first, IReadOnlyList<double> second, double level)
    {
        var differences = SortedDifferences(first, second);
        var estimate = SortedArrayStatistics.Median(differences);
        if (differences[0] == differences[^1])
        {
            // Every difference the same (single values, or every value tied): the interval is that one point.
            return new ShiftInterval(estimate, differences[0], differences[0], level);
        }

        int m = first.Count, n = second.Count;
        var alpha = 1 - level;
        Ranking.RankSumOfFirst(first, second, out _, out var hasTies);
        if (!hasTies && (long)m * n <= MannWhitneyDistribution.MaxExactProduct)
        {
            // R: qu = qwilcox(alpha/2); an empty tail (qu = 0) is widened to the extreme difference.
            var lowerIndex = Math.Max(MannWhitneyDistribution.Quantile(alpha / 2, m, n), 1);
            return new ShiftInterval(estimate, differences[lowerIndex - 1], differences[(m * n) - lowerIndex], level);
        }

        var distinct = Distinct(differences);
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return new ShiftInterval(estimate, Crossing(first, second, distinct, z), Crossing(first, second, distinct, -z), level);
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

    /// <summary>
    /// The shift d where the continuity-corrected z of "second − d against first" falls to <paramref name="quantile"/>.
    /// That z only jumps where d is a pairwise difference, so the crossing is one of them: R's <c>uniroot</c> converges
    /// on it to 1e-4, bisection over the distinct differences finds it exactly. Like R, the ends of the range of
    /// differences are returned when the crossing lies beyond them.
    /// </summary>
    private static double Crossing(IReadOnlyList<double> first, IReadOnlyList<double> second, double[] distinct, double quantile)
    {
        if (CorrectedZ(first, second, distinct[0]) <= quantile)
        {
            return distinct[0];
        }

        if (CorrectedZ(first, second, distinct[^1]) >= quantile)
        {
            return distinct[^1];
        }

        // z is non-increasing in d: find the first gap between distinct differences where it is at or below the quantile.
        int low = 0, high = distinct.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (CorrectedZ(first, second, (distinct[middle] + distinct[middle + 1]) / 2) <= quantile)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return distinct[low];
    }

    // R's wdiff without its quantile: (W − E[W] − ½·sign) / sd, ties counted in the shifted pooled sample.
    private static double CorrectedZ(IReadOnlyList<double> first, IReadOnlyList<double> second, double shift)
    {
        int m = first.Count, n = second.Count, total = m + n;
        var shifted = new double[n];
        for (var j = 0; j < n; j++)
        {
            shifted[j] = second[j] - shift;
        }

        var rankSum = Ranking.RankSumOfFirst(shifted, first, out var tieTerm, out _);
        var centred = rankSum - (n * (n + 1) / 2.0) - (m * (double)n / 2);
        var sd = Math.Sqrt(m * (double)n / 12 * (total + 1 - (tieTerm / (total * (total - 1.0)))));
        return (centred - (0.5 * Math.Sign(centred))) / sd;
    }

    private static double[] Distinct(double[] sorted)
    {
        var distinct = new List<double>(sorted.Length) { sorted[0] };
        foreach (var value in sorted)
        {
            if (value != distinct[^1])
            {
                distinct.Add(value);
            }
        }

        return [.. distinct];
    }
}
