namespace RustScope.Core.Statistics;

/// <summary>How one metric is analysed and judged; <see cref="FamilyJudge"/> reads the family-wide parts (alpha, correction).</summary>
public sealed record ChangeAnalysisOptions
{
    /// <summary>The shared defaults.</summary>
    public static ChangeAnalysisOptions Default { get; } = new();

    /// <summary>Significance level of the one-sided tests after correction, and of the equivalence test.</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>How large a change must be to count; relative and absolute must both be cleared when both are set.</summary>
    public RegressionThreshold Threshold { get; init; } = RegressionThreshold.Default;

    /// <summary>True for durations and sizes; false for throughput-like metrics.</summary>
    public bool LowerIsBetter { get; init; } = true;

    /// <summary>Judge without a test: any change of the medians beyond the threshold counts (allocated bytes per call).</summary>
    public bool Deterministic { get; init; }

    /// <summary>
    /// The values are durations: a side whose every value is 0 measured nothing and makes the analysis invalid, rather
    /// than an improvement of −100 %.
    /// </summary>
    public bool Durations { get; init; }

    /// <summary>
    /// The i-th baseline and head values are a pair (runs i of one interleaved A/B series): tested with the paired
    /// t-test on their log ratios. Ignored unless both sides have the same number of values.
    /// </summary>
    public bool Paired { get; init; }

    /// <summary>
    /// The values are consecutive iterations of one process, in the order measured, so neighbours are correlated: tested
    /// with Welch's t-test on each side's effective sample size instead of a test that takes them as independent.
    /// </summary>
    public bool Autocorrelated { get; init; }

    /// <summary>Seed of the bootstrap, so intervals are the same on every run.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>The correction across every metric of one comparison (chosen by the detection table, docs/statistics.md).</summary>
    public MultipleComparisonCorrection Correction { get; init; } = MultipleComparisonCorrection.BenjaminiHochberg;

    /// <summary>
    /// Two-sided level of the change's confidence interval. Its lower bound must clear the threshold for a regression,
    /// so 0.90 means "beyond the threshold with 95 % confidence"; the detection table shows why not 0.98.
    /// </summary>
    public double ConfidenceLevel { get; init; } = 0.90;

    /// <summary>Which test to run.</summary>
    public TestSelection Test { get; init; } = TestSelection.Auto;
}
