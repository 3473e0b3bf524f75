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
    public static string Describe(ComparisonResult result, FailOn failOn)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Failed(failOn))
        {
            return "failed";
        }

        var undecided = result.AllMetrics.Where(m => m.Verdict == Verdict.Inconclusive).ToList();
        if (undecided.Count == 0)
        {
            return "passed";
        }

        return undecided.Max(m => m.RunsNeeded) is { } runs
            ? string.Create(CultureInfo.InvariantCulture, $"not decided (about {runs} runs a side would decide it)")
            : "not decided";
    }
}
