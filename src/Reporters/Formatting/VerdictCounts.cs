using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>The headline every report opens with: pass or fail, and what was found.</summary>
public static class VerdictCounts
{
    // Every verdict, worst first.
    private static readonly Verdict[] Order = [Verdict.Regressed, Verdict.BudgetExceeded, Verdict.Invalid, Verdict.Inconclusive, Verdict.EnvironmentChanged, Verdict.Missing, Verdict.New, Verdict.Improved, Verdict.Unchanged, Verdict.WithinBudget, Verdict.NotJudged];

    /// <summary>"2 regressed, 1 over budget, 14 unchanged, 3 inconclusive" — only the verdicts that occur, worst first.</summary>
    public static string Describe(ComparisonResult result) => Describe(VerdictTally.Of(result));

    /// <summary><see cref="Describe(ComparisonResult)"/> of verdicts already counted.</summary>
    internal static string Describe(VerdictTally tally)
    {
        var parts = Order.Where(v => tally[v] > 0).Select(v => $"{tally[v]} {MetricText.Verdict(v)}").ToList();
        return parts.Count == 0 ? "no metrics compared" : string.Join(", ", parts);
    }
}
