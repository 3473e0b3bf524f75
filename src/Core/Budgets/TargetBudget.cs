using RustScope.Core.Diagnostics;

namespace RustScope.Core.Budgets;

/// <summary>One target of the budget file: how to run it and what it may cost.</summary>
public sealed record TargetBudget
{
    /// <summary>Target name.</summary>
    public required string Name { get; init; }

    /// <summary>The command to profile, one argument per entry (no shell).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Runs per profiling, overriding the defaults.</summary>
    public int? Runs { get; init; }

    /// <summary>Significance level, overriding the defaults.</summary>
    public double? Alpha { get; init; }

    /// <summary>Regression threshold for the whole target, overriding the defaults.</summary>
    public ThresholdRule? Threshold { get; init; }

    /// <summary>Where <c>rustscope calibrate</c> writes this target's noise (resolved against the budget file's directory), overriding the defaults.</summary>
    public string? Calibration { get; init; }

    /// <summary>Process-wide rules (wall time, peak RSS, CPU mean).</summary>
    public RuleSet Process { get; init; } = RuleSet.Empty;

    /// <summary>Function rules by name pattern, in file order.</summary>
    public IReadOnlyList<PatternRuleSet> Functions { get; init; } = [];

    /// <summary>Benchmark rules by name pattern, in file order.</summary>
    public IReadOnlyList<PatternRuleSet> Benchmarks { get; init; } = [];

    /// <summary>Where the target is written.</summary>
    public required SourceLocation Location { get; init; }
}
