using System.Collections.Concurrent;

namespace RustScope.Core.Statistics;

/// <summary>
/// The exact null distribution of the Mann-Whitney U statistic for samples of sizes m and n without ties,
/// counted by dynamic programming over rank subsets (additions only, so the small tail counts stay exact).
/// </summary>
internal static class MannWhitneyDistribution
{
    /// <summary>Largest m·n for which the exact distribution is used; above it the normal approximation is as good.</summary>
    public const int MaxExactProduct = 2500;

    // C's DBL_EPSILON; .NET's double.Epsilon is the smallest subnormal, not the unit round-off.
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static readonly ConcurrentDictionary<(int M, int N), double[]> CumulativeCache = new();

    /// <summary>P(U ≤ u) for sizes m and n.</summary>
    public static double Cdf(int u, int m, int n)
    {
        if (u < 0)
        {
            return 0;
        }

        var cumulative = Cumulative(m, n);
        return u >= cumulative.Length - 1 ? 1.0 : cumulative[u] / cumulative[^1];
    }

    /// <summary>P(U ≥ u) for sizes m and n.</summary>
    /// <remarks>Taken from the lower tail by symmetry (U and m·n − U have the same law) so tiny upper tails keep their digits.</remarks>
    public static double Survival(int u, int m, int n) => u <= 0 ? 1.0 : Cdf((m * n) - u, m, n);

    /// <summary>The smallest u with P(U ≤ u) ≥ p (R's <c>qwilcox</c>).</summary>
    public static int Quantile(double p, int m, int n)
    {
        var cumulative = Cumulative(m, n);
        var total = cumulative[^1];
        for (var u = 0; u < cumulative.Length; u++)
        {
            // R's qwilcox fuzz: a probability that equals p up to rounding counts as reaching it.
            if (cumulative[u] / total >= p - (10 * MachineEpsilon))
            {
                return u;
            }
        }

        return cumulative.Length - 1;
    }

    private static double[] Cumulative(int m, int n) => CumulativeCache.GetOrAdd((Math.Min(m, n), Math.Max(m, n)), static key => Count(key.M, key.N));

    private static double[] Count(int m, int n)
    {
        // ways[j][s]: ways to choose j of the ranks seen so far with rank sum s; U = s − j(j+1)/2 at j = m.
        var maxSum = m * (m + n);
        var ways = new double[m + 1, maxSum + 1];
        ways[0, 0] = 1;
        for (var rank = 1; rank <= m + n; rank++)
        {
            for (var j = Math.Min(rank, m); j >= 1; j--)
            {
                for (var s = maxSum; s >= rank; s--)
                {
                    ways[j, s] += ways[j - 1, s - rank];
                }
            }
        }

        var offset = m * (m + 1) / 2;
        var cumulative = new double[(m * n) + 1];
        double running = 0;
        for (var u = 0; u <= m * n; u++)
        {
            running += ways[m, u + offset];
            cumulative[u] = running;
        }

        return cumulative;
    }
}
