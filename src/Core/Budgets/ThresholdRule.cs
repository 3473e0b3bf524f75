using System.Diagnostics.CodeAnalysis;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Budgets;

/// <summary>A regression threshold as written: relative, absolute or both (a change must exceed both).</summary>
/// <param name="Relative">Relative part as a fraction (5% is 0.05), or null.</param>
/// <param name="Absolute">Absolute part with its unit, or null.</param>
/// <param name="Location">Where it is written.</param>
public sealed record ThresholdRule(double? Relative, Quantity? Absolute, SourceLocation Location)
{
    /// <summary>The threshold for a metric measured in <paramref name="kind"/> whose values are <paramref name="unitScale"/> base units each; an absolute part of another kind does not apply.</summary>
    public RegressionThreshold For(QuantityKind kind, double unitScale) =>
        new(Relative, Absolute is { } absolute && absolute.Kind == kind ? absolute.Value / unitScale : null);

    /// <summary>Reads a relative threshold written as a non-negative percentage with the budget file's units (<c>5%</c>).</summary>
    public static bool TryParseRelative(string text, [NotNullWhen(true)] out RegressionThreshold? threshold)
    {
        threshold = Quantity.TryParse(text, out var quantity) && quantity.Kind == QuantityKind.Percent && quantity.Value >= 0
            ? new RegressionThreshold(quantity.Value / 100, null)
            : null;
        return threshold is not null;
    }
}
