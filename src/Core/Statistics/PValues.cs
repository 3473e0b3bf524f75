namespace RustScope.Core.Statistics;

/// <summary>One-sided p-values of a two-sample test, with the two-sided one derived from them.</summary>
/// <param name="Greater">P-value for "the second sample is larger than the first".</param>
/// <param name="Less">P-value for "the second sample is smaller than the first".</param>
/// <param name="TwoSided">P-value for "the samples differ".</param>
internal readonly record struct PValues(double Greater, double Less, double TwoSided)
{
    /// <summary>The two-sided p-value as twice the smaller one-sided one, capped at 1 (SciPy and R do the same).</summary>
    public static PValues FromOneSided(double greater, double less) =>
        new(greater, less, Math.Min(1.0, 2.0 * Math.Min(greater, less)));
}
