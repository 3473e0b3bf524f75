using MathNet.Numerics;

namespace RustScope.Core.Statistics;

/// <summary>Runs the chosen two-sample test with its matching interval and equivalence test.</summary>
internal static class ShiftTests
{
    /// <summary>
    /// A rank test is used only when its smallest possible p-value, 1 / C(m+n, m), is at most alpha divided by this:
    /// two orders of magnitude below the corrected alpha of a 1000-metric run, so the floor costs no power. With 5 runs
    /// a side the floor is 1/252, which no corrected alpha admits; the rule switches to ranks from 13 runs a side.
    /// Table (e) of docs/statistics.md compares the two tests by runs a side and noise shape.
    /// </summary>
    public const int RankFloorDivisor = 100_000;

    /// <summary>
    /// Tests head <paramref name="y"/> against baseline <paramref name="x"/> (each with two values or more) with the rank
    /// test when <paramref name="rank"/> (<see cref="UsesRank"/>); otherwise with the paired t-test when the values are
    /// pairs (<see cref="ChangeAnalysisOptions.Paired"/>), Welch's t-test on effective sizes when they are autocorrelated
    /// (<see cref="ChangeAnalysisOptions.Autocorrelated"/>), Welch's t-test otherwise.
    /// </summary>
    public static ShiftEvidence Run(double[] x, double[] y, bool rank, bool logScale, double margin, ChangeAnalysisOptions options)
    {
        var pooledSd = Math.Sqrt((Welford.Of(x).Variance + Welford.Of(y).Variance) / 2);
        if (rank)
        {
            var ranks = MannWhitney.Test(x, y);
            var rankTest = ranks.Method == MannWhitneyMethod.Exact ? TestNames.MannWhitneyExact : TestNames.MannWhitneyNormal;
            double? rankEquivalence = margin > 0 ? Equivalence.Tost(x, y, margin, static (a, b) => MannWhitney.Test(a, b).PValues) : null;
            return new ShiftEvidence(rankTest, ranks.PValues, HodgesLehmann.Interval(x, y, options.ConfidenceLevel), rankEquivalence, pooledSd);
        }

        if (options.Paired)
        {
            // The runs-needed estimate scales a two-sample spread; the pairs' differences have √2 times it.
            var differencesSd = PairedT.Differences(x, y).StandardDeviation;
            return TTest(PairedT.Test, logScale ? TestNames.PairedTLog : TestNames.PairedT, differencesSd / Math.Sqrt(2));
        }

        if (options.Autocorrelated)
        {
            // Effective sizes from the values' own order, fixed before the equivalence test shifts them.
            var (sizeX, sizeY) = (EffectiveSampleSize.Of(x), EffectiveSampleSize.Of(y));
            // An iteration is worth n_eff / n of an independent value: the runs-needed estimate scales by the inflation.
            var inflated = pooledSd * Math.Sqrt(((x.Length / sizeX) + (y.Length / sizeY)) / 2);
            return TTest((a, b) => WelchT.Test(a, b, sizeX, sizeY), logScale ? TestNames.WelchTLogEffective : TestNames.WelchTEffective, inflated);
        }

        return TTest(static (a, b) => WelchT.Test(a, b), logScale ? TestNames.WelchTLog : TestNames.WelchT, pooledSd);

        ShiftEvidence TTest(Func<IReadOnlyList<double>, IReadOnlyList<double>, TTestResult> test, string name, double spread)
        {
            var result = test(x, y);
            var (low, high) = result.Interval(options.ConfidenceLevel);
            double? equivalence = margin > 0 ? Equivalence.Tost(x, y, margin, (a, b) => test(a, b).PValues) : null;
            return new ShiftEvidence(name, result.PValues, new ShiftInterval(result.Difference, low, high, options.ConfidenceLevel), equivalence, spread);
        }
    }

    /// <summary>Whether <paramref name="m"/> and <paramref name="n"/> samples are tested by ranks under <paramref name="selection"/>.</summary>
    public static bool UsesRank(TestSelection selection, int m, int n, double alpha) => selection switch
    {
        TestSelection.Rank => true,
        TestSelection.WelchT => false,
        _ => -SpecialFunctions.BinomialLn(m + n, m) <= Math.Log(alpha / RankFloorDivisor),
    };
}
