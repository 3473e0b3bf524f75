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

        // One pass: whether any metric is undecided, and the most runs any of them needs.
        var (undecided, runs) = (false, default(int?));
        foreach (var metric in result.AllMetrics)
        {
            if (metric.Verdict == Verdict.Inconclusive)
            {
                undecided = true;
                if (metric.RunsNeeded is { } needed && !(runs >= needed))
                {
                    runs = needed;
                }
            }
        }

        if (!undecided)
        {
            return "passed";
        }

        return runs is { } most
            ? string.Create(CultureInfo.InvariantCulture, $"not decided (about {most} runs a side would decide it)")
            : "not decided";
    }
}
