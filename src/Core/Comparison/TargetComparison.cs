namespace RustScope.Core.Comparison;

/// <summary>The verdicts of one target.</summary>
public sealed record TargetComparison
{
    /// <summary>Target name (from the budget file, else the session's project).</summary>
    public required string Name { get; init; }

    /// <summary>Every metric compared, regressions first.</summary>
    public required IReadOnlyList<MetricComparison> Metrics { get; init; }
}
