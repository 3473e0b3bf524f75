using RustScope.Core.Statistics;

namespace RustScope.Core.Budgets;

/// <summary>The <c>defaults</c> section: what applies where a target says nothing.</summary>
public sealed record BudgetDefaults
{
    /// <summary>Significance level before the multiple-comparison correction.</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>The correction across every metric of a comparison; null means the built-in default (Benjamini-Hochberg).</summary>
    public MultipleComparisonCorrection? Correction { get; init; }

    /// <summary>The noise threshold (5 % relative unless set).</summary>
    public ThresholdRule? Threshold { get; init; }

    /// <summary>Runs per profiling.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Where <c>rustscope calibrate</c> writes the targets' noise (resolved against the budget file's directory), or null.</summary>
    public string? Calibration { get; init; }
}
