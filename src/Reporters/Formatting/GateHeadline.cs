using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>
/// The word every report's headline gives the gate: failed, passed, or not decided — a metric left inconclusive is
/// never shown as a pass, even when it does not fail the gate (<see cref="FailOn.Regressed"/>).
/// </summary>
public static class GateHeadline
{
    /// <summary>"failed", "not decided (about N runs a side would decide it)", or "passed".</summary>
    public static string Describe(ComparisonResult result, FailOn failOn) => Describe(VerdictTally.Of(result), failOn);

    /// <summary><see cref="Describe(ComparisonResult, FailOn)"/> of verdicts already counted.</summary>
    internal static string Describe(VerdictTally tally, FailOn failOn)
    {
        if (tally.Fails(failOn))
        {
            return "failed";
        }

        if (tally[Verdict.Inconclusive] == 0)
        {
            return "passed";
        }

        return tally.MostRunsNeeded is { } most
            ? string.Create(CultureInfo.InvariantCulture, $"not decided (about {most} runs a side would decide it)")
            : "not decided";
    }
}
