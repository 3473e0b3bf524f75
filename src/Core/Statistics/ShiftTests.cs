using MathNet.Numerics;

namespace RustScope.Core.Statistics;

/// <summary>Runs the chosen two-sample test with its matching interval and equivalence test.</summary>
internal static class ShiftTests
{
    /// <summary>
    /// A rank test is used only when its smallest possible p-value, 1 / C(m+n, m), could survive a correction
    /// across this many metrics: with 5 runs a side the floor is 1/252, which no corrected alpha admits.
    /// </summary>
    public const int RankFloorFamilySize = 1000;

    /// <summary>Tests head <paramref name="y"/> against baseline <paramref name="x"/> (each with two values or more).</summary>
    public static ShiftEvidence Run(double[] x, double[] y, bool logScale, double margin, ChangeAnalysisOptions options)
    {
        var pooledSd = Math.Sqrt((Welford.Of(x).Variance + Welford.Of(y).Variance) / 2);
        if (UseRank(options.Test, x.Length, y.Length, options.Alpha))
        {
            var rank = MannWhitney.Test(x, y);
            var rankTest = rank.Method == MannWhitneyMethod.Exact ? TestNames.MannWhitneyExact : TestNames.MannWhitneyNormal;
            double? rankEquivalence = margin > 0 ? Equivalence.Tost(x, y, margin, static (a, b) => MannWhitney.Test(a, b).PValues) : null;
            return new ShiftEvidence(rankTest, rank.PValues, HodgesLehmann.Interval(x, y, options.ConfidenceLevel), rankEquivalence, pooledSd);
        }

        var welch = WelchT.Test(x, y);
        var (low, high) = welch.Interval(options.ConfidenceLevel);
        double? equivalence = margin > 0 ? Equivalence.Tost(x, y, margin, static (a, b) => WelchT.Test(a, b).PValues) : null;
        var interval = new ShiftInterval(welch.Difference, low, high, options.ConfidenceLevel);
        return new ShiftEvidence(logScale ? TestNames.WelchTLog : TestNames.WelchT, welch.PValues, interval, equivalence, pooledSd);
    }

    private static bool UseRank(TestSelection selection, int m, int n, double alpha) => selection switch
    {
        TestSelection.Rank => true,
        TestSelection.WelchT => false,
        _ => -SpecialFunctions.BinomialLn(m + n, m) <= Math.Log(alpha / RankFloorFamilySize),
    };
}
