using System.Globalization;
using RustScope.Core.Metrics;

namespace RustScope.Core.Budgets;

/// <summary>
/// A number with a unit from a budget file, in its base unit: nanoseconds for time, bytes for sizes, percent for %.
/// Time: ns, us (or µs), ms, s, m. Sizes: B; KB, MB, GB are decimal (1000-based); KiB, MiB, GiB are binary (1024-based).
/// </summary>
/// <param name="Value">The value in the base unit of <paramref name="Kind"/>.</param>
/// <param name="Kind">What it measures.</param>
public readonly record struct Quantity(double Value, QuantityKind Kind)
{
    private static readonly (string Suffix, double Factor, QuantityKind Kind)[] Units =
    [
        ("ns", 1, QuantityKind.Time), ("us", 1e3, QuantityKind.Time), ("µs", 1e3, QuantityKind.Time),
        ("ms", 1e6, QuantityKind.Time), ("s", 1e9, QuantityKind.Time), ("m", 60e9, QuantityKind.Time),
        ("KiB", 1024, QuantityKind.Bytes), ("MiB", 1024 * 1024, QuantityKind.Bytes), ("GiB", 1024.0 * 1024 * 1024, QuantityKind.Bytes),
        ("KB", 1e3, QuantityKind.Bytes), ("MB", 1e6, QuantityKind.Bytes), ("GB", 1e9, QuantityKind.Bytes), ("B", 1, QuantityKind.Bytes),
        ("%", 1, QuantityKind.Percent),
    ];

    /// <summary>Parses <c>2ms</c>, <c>200 MB</c>, <c>1.5KiB</c>, <c>5%</c> or a plain number.</summary>
    public static bool TryParse(string text, out Quantity quantity)
    {
        quantity = default;
        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && !char.IsDigit(trimmed[split - 1]) && trimmed[split - 1] != '.')
        {
            split--;
        }

        var unit = trimmed[split..].Trim();
        if (!double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        if (unit.Length == 0)
        {
            quantity = new Quantity(number, QuantityKind.Number);
            return true;
        }

        foreach (var (suffix, factor, kind) in Units)
        {
            if (string.Equals(unit, suffix, StringComparison.Ordinal))
            {
                quantity = new Quantity(number * factor, kind);
                return true;
            }
        }

        return false;
    }

    /// <summary>The units a budget file accepts, for error messages.</summary>
    public static string KnownUnits => string.Join(", ", Units.Select(u => u.Suffix));
}
