namespace RustScope.Core.Statistics;

/// <summary>Computes a <see cref="SummaryStatistic"/> of a sample.</summary>
internal static class Summaries
{
    /// <summary>The <paramref name="statistic"/> of a non-empty sample (positive values for the geometric mean).</summary>
    public static double Of(SummaryStatistic statistic, IReadOnlyList<double> sample) => statistic switch
    {
        SummaryStatistic.GeometricMean => Math.Exp(sample.Average(Math.Log)),
        SummaryStatistic.Mean => sample.Average(),
        _ => Medians.Of(sample),
    };

    /// <summary>True when every value equals the first: the sample shows no spread at its resolution.</summary>
    public static bool IsConstant(IReadOnlyList<double> sample) => sample.All(v => v == sample[0]);
}
