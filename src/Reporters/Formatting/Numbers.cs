using System.Globalization;

namespace RustScope.Reporters.Formatting;

/// <summary>
/// Invariant-culture number formatting that survives non-finite values: a change from a zero baseline is +∞, and
/// "Infinity %" or "NaN ms" helps no reviewer.
/// </summary>
internal static class Numbers
{
    /// <summary>Formats a finite <paramref name="value"/> with <paramref name="format"/>; ∞, -∞ or n/a otherwise.</summary>
    public static string Format(double value, string format) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        double.NaN => "n/a",
        _ => value.ToString(format, CultureInfo.InvariantCulture),
    };
}
