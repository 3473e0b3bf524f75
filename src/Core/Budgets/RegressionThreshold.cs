using System.Diagnostics.CodeAnalysis;

namespace RustScope.Core.Budgets;

/// <summary>
/// How large a change must be to count as a regression. When both parts are set a change must exceed both.
/// </summary>
/// <param name="Relative">Relative change as a fraction (0.05 = 5 %), or null.</param>
/// <param name="Absolute">Absolute change in the metric's base unit (ns, bytes, %), or null.</param>
public sealed record RegressionThreshold(double? Relative, double? Absolute)
{
    /// <summary>The default noise threshold: 5 % relative.</summary>
    public static RegressionThreshold Default { get; } = new(0.05, null);

    /// <summary>Reads a relative threshold written as a non-negative percentage with the budget file's units (<c>5%</c>).</summary>
    public static bool TryParseRelative(string text, [NotNullWhen(true)] out RegressionThreshold? threshold)
    {
        threshold = Quantity.TryParse(text, out var quantity) && quantity.Kind == QuantityKind.Percent && quantity.Value >= 0
            ? new RegressionThreshold(quantity.Value / 100, null)
            : null;
        return threshold is not null;
    }
}
