using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>The headline every report opens with: pass or fail, and what was found.</summary>
public static class VerdictCounts
{
    /// <summary>"2 regressed, 1 over budget, 14 unchanged, 3 inconclusive" — only the verdicts that occur, worst first.</summary>
    public static string Describe(ComparisonResult result)
    {
        Verdict[] order = [Verdict.Regressed, Verdict.BudgetExceeded, Verdict.Invalid, Verdict.Inconclusive, Verdict.EnvironmentChanged, Verdict.Missing, Verdict.New, Verdict.Improved, Verdict.Unchanged, Verdict.WithinBudget, Verdict.NotJudged];
        var parts = order.Select(v => (Verdict: v, Count: result.Count(v))).Where(p => p.Count > 0).Select(p => $"{p.Count} {MetricText.Verdict(p.Verdict)}").ToList();
        return parts.Count == 0 ? "no metrics compared" : string.Join(", ", parts);
    }
}
