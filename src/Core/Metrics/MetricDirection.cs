namespace RustScope.Core.Metrics;

/// <summary>Which way a metric's change is worse; a budget group's <c>direction</c> turns it for the metrics it covers.</summary>
public enum MetricDirection
{
    /// <summary>Smaller values are better (<c>direction: lower</c>): durations, sizes, counts.</summary>
    LowerIsBetter,

    /// <summary>Larger values are better (<c>direction: higher</c>): throughput.</summary>
    HigherIsBetter,
}
