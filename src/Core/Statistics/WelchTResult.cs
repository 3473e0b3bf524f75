namespace RustScope.Core.Statistics;

/// <summary>The outcome of Welch's t-test of a second sample against a first.</summary>
/// <param name="Difference">Mean of the second sample minus mean of the first.</param>
/// <param name="StandardError">Standard error of <paramref name="Difference"/>.</param>
/// <param name="T">The t statistic (infinite when both samples are constant and differ).</param>
/// <param name="DegreesOfFreedom">Welch-Satterthwaite degrees of freedom.</param>
/// <param name="PValues">One- and two-sided p-values; <c>Greater</c> means "the second mean is larger".</param>
internal readonly record struct WelchTResult(double Difference, double StandardError, double T, double DegreesOfFreedom, PValues PValues)
{
    /// <summary>The two-sided confidence interval of <see cref="Difference"/> at <paramref name="level"/> (e.g. 0.95).</summary>
    public (double Low, double High) Interval(double level)
    {
        if (StandardError == 0)
        {
            return (Difference, Difference);
        }

        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, DegreesOfFreedom, (1 + level) / 2) * StandardError;
        return (Difference - half, Difference + half);
    }
}
