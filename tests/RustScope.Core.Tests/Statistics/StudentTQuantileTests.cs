using MathNet.Numerics.Distributions;
using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

public sealed class StudentTQuantileTests
{
    // Welch's degrees of freedom are fractional and from 1 up; the intervals ask for 0.95 and 0.995 (both sides).
    private static readonly double[] Degrees = [1, 1.5, 2, 3, 4.7, 8, 30, 1_000, 1e7];

    private static readonly double[] Probabilities = [0.005, 0.05, 0.5, 0.9, 0.95, 0.975, 0.995];

    public static TheoryData<double, double> Cases()
    {
        var cases = new TheoryData<double, double>();
        foreach (var (degrees, p) in Degrees.SelectMany(d => Probabilities.Select(p => (d, p))))
        {
            cases.Add(degrees, p);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Newton_quantile_agrees_with_MathNet_search_and_inverts_the_CDF(double degrees, double p)
    {
        var quantile = StudentTQuantile.Of(degrees, p);

        Assert.Equal(StudentT.InvCDF(0, 1, degrees, p), quantile, Math.Max(1e-9, 1e-9 * Math.Abs(quantile)));
        Assert.Equal(p, StudentT.CDF(0, 1, degrees, quantile), 1e-12 + (1e-9 * p));
    }
}
