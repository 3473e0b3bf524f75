namespace RustScope.Core.Statistics;

/// <summary>The names written to <see cref="ChangeAnalysis.Test"/>, and on to the comparison JSON.</summary>
public static class TestNames
{
    /// <summary>No test: invalid data or a single sample on a side.</summary>
    public const string None = "none";

    /// <summary>No test needed: medians compared against the threshold.</summary>
    public const string Deterministic = "deterministic";

    /// <summary>Welch's t-test on log values (a test of the ratio of geometric means).</summary>
    public const string WelchTLog = "welch-t-log";

    /// <summary>Welch's t-test on raw values (some value was zero).</summary>
    public const string WelchT = "welch-t";

    /// <summary>Welch's t-test on log values with each side's effective sample size (autocorrelated benchmark iterations).</summary>
    public const string WelchTLogEffective = "welch-t-log-effective-n";

    /// <summary>Welch's t-test on raw values with each side's effective sample size.</summary>
    public const string WelchTEffective = "welch-t-effective-n";

    /// <summary>The paired t-test of the log ratios of interleaved base/head runs.</summary>
    public const string PairedTLog = "paired-t-log";

    /// <summary>The paired t-test of the differences of interleaved base/head runs (some value was zero).</summary>
    public const string PairedT = "paired-t";

    /// <summary>The exact Mann-Whitney test.</summary>
    public const string MannWhitneyExact = "mann-whitney-exact";

    /// <summary>The Mann-Whitney test, normal approximation with tie and continuity corrections.</summary>
    public const string MannWhitneyNormal = "mann-whitney-normal";
}
