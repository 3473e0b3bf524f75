using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace RustScope.Core.Statistics;

/// <summary>The outcome of a t-test of a shift: Welch's two-sample test, or the paired test of differences.</summary>
/// <param name="Difference">The estimated shift: mean of the second sample minus mean of the first, or the mean difference of the pairs.</param>
/// <param name="StandardError">Standard error of <paramref name="Difference"/>.</param>
/// <param name="T">The t statistic (infinite when nothing varies and the shift is not 0).</param>
/// <param name="DegreesOfFreedom">Welch-Satterthwaite degrees of freedom, or pairs − 1.</param>
/// <param name="PValues">One- and two-sided p-values; <c>Greater</c> means "the second sample is larger".</param>
internal readonly record struct TTestResult(double Difference, double StandardError, double T, double DegreesOfFreedom, PValues PValues)
{
    /// <summary>The test of <paramref name="difference"/> with its standard error and degrees of freedom.</summary>
    public static TTestResult Of(double difference, double standardError, double degrees)
    {
        if (standardError == 0)
        {
            // Nothing varies: the difference is known exactly, so it is either certain or absent.
            var certain = difference == 0 ? PValues.FromOneSided(1, 1) : PValues.FromOneSided(difference > 0 ? 0 : 1, difference < 0 ? 0 : 1);
            return new TTestResult(difference, 0, difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference), double.NaN, certain);
        }

        var t = difference / standardError;
        return new TTestResult(difference, standardError, t, degrees, OneSided(t, degrees));
    }

    // P(T ≥ t) and P(T ≤ t), bit for bit what two calls of StudentT.CDF give (it computes the same tail), but with one
    // regularized incomplete beta function, the cost of a t-test: a comparison of 90 000 metrics runs hundreds of thousands.
    private static PValues OneSided(double t, double degrees)
    {
        if (!(degrees > 0) || double.IsPositiveInfinity(degrees) || !double.IsFinite(t))
        {
            return PValues.FromOneSided(StudentT.CDF(0, 1, degrees, -t), StudentT.CDF(0, 1, degrees, t));
        }

        var tail = 0.5 * SpecialFunctions.BetaRegularized(degrees / 2.0, 0.5, degrees / (degrees + (t * t)));
        return t > 0 ? PValues.FromOneSided(tail, 1.0 - tail) : PValues.FromOneSided(1.0 - tail, tail);
    }

    /// <summary>The two-sided confidence interval of <see cref="Difference"/> at <paramref name="level"/> (e.g. 0.95).</summary>
    public (double Low, double High) Interval(double level)
    {
        if (StandardError == 0)
        {
            return (Difference, Difference);
        }

        var half = StudentTQuantile.Of(DegreesOfFreedom, (1 + level) / 2) * StandardError;
        return (Difference - half, Difference + half);
    }
}
