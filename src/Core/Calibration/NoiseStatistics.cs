using RustScope.Core.Statistics;

namespace RustScope.Core.Calibration;

/// <summary>The spread figures of one metric's A/A runs, each a pure function of the samples.</summary>
internal static class NoiseStatistics
{
    /// <summary>Scales a median absolute deviation to the standard deviation of a normal sample.</summary>
    public const double MadToSd = 1.4826;

    /// <summary>A run lies outside the robust fence when it is further than this many robust sds from the median.</summary>
    public const double OutlierFence = 3;

    /// <summary>Sample standard deviation over the mean; 0 for a constant sample, NaN when the mean is 0.</summary>
    public static double CoefficientOfVariation(IReadOnlyList<double> sample)
    {
        var mean = sample.Average();
        return StandardDeviation(sample) is var sd && sd == 0 ? 0 : sd / mean;
    }

    /// <summary>1.4826 × MAD over the median: the coefficient of variation a few slow runs cannot inflate.</summary>
    public static double RobustCoefficientOfVariation(IReadOnlyList<double> sample)
    {
        var median = Medians.Of(sample);
        return RobustSd(sample, median) is var sd && sd == 0 ? 0 : sd / median;
    }

    /// <summary>Share of the runs further than <see cref="OutlierFence"/> robust sds (1.4826 × MAD) from the median.</summary>
    public static double OutlierRate(IReadOnlyList<double> sample)
    {
        var median = Medians.Of(sample);
        var fence = OutlierFence * RobustSd(sample, median);
        return (double)sample.Count(v => Math.Abs(v - median) > fence) / sample.Count;
    }

    /// <summary>
    /// Relative change of the median from the first half of the series to the second (values in run order); null when
    /// the first half's median is 0 and the second's is not, where no relative change exists.
    /// </summary>
    public static double? Drift(IReadOnlyList<double> inRunOrder)
    {
        var half = inRunOrder.Count / 2;
        var first = Medians.Of(inRunOrder.Take(half));
        var second = Medians.Of(inRunOrder.Skip(inRunOrder.Count - half));
        return first == second ? 0 : first == 0 ? null : second / first - 1;
    }

    /// <summary>
    /// Sample sd of the per-pair log ratios ln(headᵢ / baseᵢ), what <c>ab</c>'s paired test sees; with a zero or
    /// negative value anywhere, of the pair differences over the mean instead (the raw scale the comparison then uses).
    /// </summary>
    public static double PairRatioSd(IReadOnlyList<(double Base, double Head)> pairs)
    {
        if (pairs.All(p => p.Base > 0 && p.Head > 0))
        {
            return StandardDeviation([.. pairs.Select(p => Math.Log(p.Head / p.Base))]);
        }

        var mean = pairs.Average(p => (p.Base + p.Head) / 2);
        return mean == 0 ? 0 : StandardDeviation([.. pairs.Select(p => (p.Head - p.Base) / mean)]);
    }

    /// <summary>Sample standard deviation (n − 1); 0 for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> sample) => sample.Count < 2 ? 0 : Welford.Of(sample).StandardDeviation;

    private static double RobustSd(IReadOnlyList<double> sample, double median) => MadToSd * Medians.Of(sample.Select(v => Math.Abs(v - median)));
}
