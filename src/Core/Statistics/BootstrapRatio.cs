using MathNet.Numerics.Statistics;

namespace RustScope.Core.Statistics;

/// <summary>A seeded percentile bootstrap of the ratio of medians, median(second) / median(first).</summary>
internal static class BootstrapRatio
{
    /// <summary>Resamples drawn unless told otherwise.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>
    /// The ratio of medians with its percentile interval at <paramref name="level"/>. Samples must be non-empty and the
    /// first one's median positive. The same seed gives the same interval on every machine and run.
    /// </summary>
    public static ShiftInterval MedianRatioInterval(IReadOnlyList<double> first, IReadOnlyList<double> second, double level, int seed, int resamples = DefaultResamples)
    {
        var random = new SplitMix64((ulong)seed);
        var firstBuffer = new double[first.Count];
        var secondBuffer = new double[second.Count];
        var ratios = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            ratios[r] = ResampledMedian(second, secondBuffer, random) / ResampledMedian(first, firstBuffer, random);
        }

        Array.Sort(ratios);
        var estimate = Medians.Of(second) / Medians.Of(first);
        var tail = (1 - level) / 2;
        return new ShiftInterval(estimate, Percentile(ratios, tail), Percentile(ratios, 1 - tail), level);
    }

    private static double ResampledMedian(IReadOnlyList<double> sample, double[] buffer, SplitMix64 random)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = sample[random.NextIndex(sample.Count)];
        }

        Array.Sort(buffer);
        return SortedArrayStatistics.Median(buffer);
    }

    // Linear interpolation between order statistics (Hyndman-Fan type 7, NumPy's and R's default).
    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
