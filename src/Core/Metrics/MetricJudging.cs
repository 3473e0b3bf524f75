namespace RustScope.Core.Metrics;

/// <summary>Whether a comparison may call a metric's change a regression or an improvement.</summary>
public enum MetricJudging
{
    /// <summary>Judged in its <see cref="MetricDefinition.Direction"/>, unless its budget group writes a <c>direction</c>.</summary>
    Judged,

    /// <summary>
    /// Shown with its change, judged only when the budget file writes a rule for it or a direction for its group: more
    /// calls is better for a fixed-duration workload and worse for fixed work, and only the user knows which.
    /// </summary>
    OnlyWithRule,

    /// <summary>
    /// Shown with its change, never judged: a share of a core rises when the machine gets quieter, so it moves opposite
    /// to wall time and neither direction is worse.
    /// </summary>
    Never,
}
