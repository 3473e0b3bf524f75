using RustScope.Core.Budgets;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>What a comparison is run with, besides the sessions.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The budget file, or null for defaults only.</summary>
    public BudgetFile? Budget { get; init; }

    /// <summary>The budget target to apply; null picks the target named like the session's project, or the only one.</summary>
    public string? Target { get; init; }

    /// <summary>Overrides the budget file's default alpha; must lie in (0, 0.5).</summary>
    public double? Alpha { get; init; }

    /// <summary>Overrides the budget file's default multiple-comparison correction (Benjamini-Hochberg unless set).</summary>
    public MultipleComparisonCorrection? Correction { get; init; }

    /// <summary>Overrides the budget file's default threshold.</summary>
    public RegressionThreshold? Threshold { get; init; }

    /// <summary>Names the baseline in the result (a path).</summary>
    public string? BaselineName { get; init; }

    /// <summary>Names head in the result (a path).</summary>
    public string HeadName { get; init; } = "head";
}
