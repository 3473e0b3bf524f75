namespace RustScope.Core.Statistics;

/// <summary>Which two-sample test <see cref="ChangeAnalyzer"/> runs.</summary>
public enum TestSelection
{
    /// <summary>
    /// Welch's t-test on log values while the exact rank test's smallest possible p-value (1 / C(m+n, m)) is above
    /// alpha / 100 000 (up to 12 runs a side at alpha 0.01); the Mann-Whitney test with a Hodges-Lehmann interval beyond.
    /// </summary>
    Auto,

    /// <summary>Always Welch's t-test (on log values when every value is positive).</summary>
    WelchT,

    /// <summary>Always the Mann-Whitney test with a Hodges-Lehmann interval.</summary>
    Rank,
}
