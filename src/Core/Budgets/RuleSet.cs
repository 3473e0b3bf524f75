using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;

namespace RustScope.Core.Budgets;

/// <summary>The rules of one group: the process, or the functions or benchmarks one pattern matches.</summary>
public sealed record RuleSet
{
    /// <summary>Rules per metric name.</summary>
    public IReadOnlyDictionary<string, MetricRule> Metrics { get; init; } = new Dictionary<string, MetricRule>();

    /// <summary>The group's regression threshold, when it sets one.</summary>
    public ThresholdRule? Regression { get; init; }

    /// <summary>
    /// The group's <c>direction</c> (<c>higher</c> for throughput), or null when it writes none and each metric keeps its
    /// own (<see cref="MetricDefinition.Direction"/>).
    /// </summary>
    public MetricDirection? Direction { get; init; }

    /// <summary>Where the group is written.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>An empty rule set: defaults apply.</summary>
    public static RuleSet Empty { get; } = new();
}
