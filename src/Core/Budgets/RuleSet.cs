using RustScope.Core.Diagnostics;

namespace RustScope.Core.Budgets;

/// <summary>The rules of one group: the process, or the functions or benchmarks one pattern matches.</summary>
public sealed record RuleSet
{
    /// <summary>Rules per metric name.</summary>
    public IReadOnlyDictionary<string, MetricRule> Metrics { get; init; } = new Dictionary<string, MetricRule>();

    /// <summary>The group's regression threshold, when it sets one.</summary>
    public ThresholdRule? Regression { get; init; }

    /// <summary>False when <c>direction: higher</c> says bigger values are better (throughput).</summary>
    public bool LowerIsBetter { get; init; } = true;

    /// <summary>True when the group writes <c>direction</c> itself, rather than taking lower-is-better by default.</summary>
    public bool DirectionWritten { get; init; }

    /// <summary>Where the group is written.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>An empty rule set: defaults apply.</summary>
    public static RuleSet Empty { get; } = new();
}
