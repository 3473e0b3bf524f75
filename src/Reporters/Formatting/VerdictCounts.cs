using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>The headline every report opens with: pass or fail, and what was found.</summary>
public static class VerdictCounts
{
    // Every verdict (numbered from 0, so a verdict is its own index into the counts), worst first.
    private static readonly Verdict[] Order = [Verdict.Regressed, Verdict.BudgetExceeded, Verdict.Invalid, Verdict.Inconclusive, Verdict.EnvironmentChanged, Verdict.Missing, Verdict.New, Verdict.Improved, Verdict.Unchanged, Verdict.WithinBudget, Verdict.NotJudged];

    /// <summary>"2 regressed, 1 over budget, 14 unchanged, 3 inconclusive" — only the verdicts that occur, worst first.</summary>
    public static string Describe(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // One pass over the metrics for every verdict: a report of 90 000 metrics must not walk them once per verdict.
        var counts = new int[Order.Length];
        foreach (var metric in result.AllMetrics)
        {
            counts[(int)metric.Verdict]++;
        }

        var parts = Order.Where(v => counts[(int)v] > 0).Select(v => $"{counts[(int)v]} {MetricText.Verdict(v)}").ToList();
        return parts.Count == 0 ? "no metrics compared" : string.Join(", ", parts);
    }
}
