namespace RustScope.Core.Statistics;

/// <summary>
/// How large a change must be to count as a regression. When both parts are set a change must exceed both.
/// </summary>
/// <param name="Relative">Relative change as a fraction (0.05 = 5 %), or null.</param>
/// <param name="Absolute">Absolute change in the metric's base unit (ns, bytes, %), or null.</param>
public sealed record RegressionThreshold(double? Relative, double? Absolute)
{
    /// <summary>The default noise threshold: 5 % relative.</summary>
    public static RegressionThreshold Default { get; } = new(0.05, null);
}
