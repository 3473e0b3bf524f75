using MathNet.Numerics.Statistics;

namespace RustScope.Core.Statistics;

/// <summary>The median of a sample, leaving the sample as it was.</summary>
internal static class Medians
{
    /// <summary>The median (mean of the two middle values for an even count) of a non-empty sample.</summary>
    public static double Of(IEnumerable<double> sample)
    {
        double[] sorted = [.. sample];
        Array.Sort(sorted);
        return SortedArrayStatistics.Median(sorted);
    }
}
