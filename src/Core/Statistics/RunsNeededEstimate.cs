using MathNet.Numerics.Distributions;

namespace RustScope.Core.Statistics;

/// <summary>
/// How many runs a side would likely decide an inconclusive metric: the normal-theory sample size that puts the
/// observed shift's distance to the nearest decision boundary (the threshold, or zero without one) at
/// z(1 − alpha) + z(0.8) standard errors. It ignores the family correction, so read it as a lower bound.
/// </summary>
internal static class RunsNeededEstimate
{
    private const int Cap = 10_000;
    private const double Power = 0.8;

    /// <summary>Runs per side, or null when the shift sits on the boundary or there is no noise to scale by.</summary>
    public static int? Estimate(double shift, double margin, double pooledSd, double alpha, int currentRuns)
    {
        // The margin is already narrowed by the threshold's tolerance: a shift within twice that of it is on the boundary.
        var gap = Math.Abs(Math.Abs(shift) - margin);
        if (gap <= 2 * ThresholdCheck.Tolerance * Math.Max(margin, 1) || !(pooledSd > 0))
        {
            return null;
        }

        var runs = Required(gap, pooledSd, alpha);
        return runs >= Cap ? Cap : Math.Max(currentRuns + 1, (int)Math.Ceiling(runs));
    }

    /// <summary>Runs a side (unrounded) that put <paramref name="gap"/> at z(1 − alpha) + z(0.8) standard errors of a two-sample difference.</summary>
    public static double Required(double gap, double pooledSd, double alpha)
    {
        var z = Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, Power);
        return 2 * Math.Pow(z * pooledSd / gap, 2);
    }
}
