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

    /// <summary>The exact Mann-Whitney test.</summary>
    public const string MannWhitneyExact = "mann-whitney-exact";

    /// <summary>The Mann-Whitney test, normal approximation with tie and continuity corrections.</summary>
    public const string MannWhitneyNormal = "mann-whitney-normal";
}
