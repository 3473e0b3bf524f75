using MathNet.Numerics.Distributions;

namespace RustScope.Core.Statistics;

/// <summary>
/// The one normal-theory sample-size formula of RustScope: a change d is shown with n runs a side when it lies
/// z(1 − alpha) + z(0.8) standard errors from the decision boundary, the standard error of a two-sample comparison
/// being sd·√(2/n) (for pairs, the differences' sd over √2 in place of sd). So n = 2·(z·sd/d)², and the smallest
/// change n runs show is z·sd·√(2/n). It ignores the family correction, so read runs as a lower bound.
/// </summary>
internal static class RunsNeededEstimate
{
    /// <summary>Power the estimates are made for: 80 %.</summary>
    public const double Power = 0.8;

    private const int Cap = 10_000;

    /// <summary>Runs per side, or null when the shift sits on the boundary or there is no noise to scale by.</summary>
    public static int? Estimate(double shift, double margin, double pooledSd, double alpha, int currentRuns)
    {
        // The margin is already narrowed by the threshold's tolerance: a shift within twice that of it is on the boundary.
        var gap = Math.Abs(Math.Abs(shift) - margin);
        if (gap <= 2 * ThresholdCheck.Tolerance * Math.Max(margin, 1) || !(pooledSd > 0))
        {
            return null;
        }

        var runs = RunsFor(gap, pooledSd, alpha);
        return runs >= Cap ? Cap : Math.Max(currentRuns + 1, (int)Math.Ceiling(runs));
    }

    /// <summary>Runs a side (unrounded) that show a change of <paramref name="change"/> at <paramref name="alpha"/> with 80 % power.</summary>
    /// <param name="change">The change's distance to the boundary, on the scale of <paramref name="sampleSd"/>.</param>
    /// <param name="sampleSd">The spread of one independent sample.</param>
    /// <param name="alpha">The one-sided significance level.</param>
    public static double RunsFor(double change, double sampleSd, double alpha) => 2 * Math.Pow(Z(alpha) * sampleSd / change, 2);

    /// <summary>The smallest change <paramref name="runs"/> runs a side show at <paramref name="alpha"/> with 80 % power.</summary>
    public static double SmallestChange(int runs, double sampleSd, double alpha) => Z(alpha) * sampleSd * Math.Sqrt(2.0 / runs);

    private static double Z(double alpha) => Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, Power);
}
