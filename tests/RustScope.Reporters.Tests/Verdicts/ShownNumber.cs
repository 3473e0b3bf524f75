using System.Globalization;
using System.Text.RegularExpressions;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>A number as a report shows it (<c>2.61 ms</c>, <c>+30.0 %</c>), read back with how far rounding may have moved it.</summary>
internal readonly partial record struct ShownNumber(double Value, double Rounding)
{
    private static readonly Dictionary<string, double> Scale = new()
    {
        [""] = 1, ["ns"] = 1e-9, ["µs"] = 1e-6, ["ms"] = 1e-3, ["s"] = 1, ["B"] = 1, ["KB"] = 1e3, ["MB"] = 1e6, ["GB"] = 1e9, ["%"] = 0.01,
    };

    /// <summary>The number in <paramref name="text"/> in its base unit (seconds, bytes, fractions for %), or null for –, ∞ and n/a.</summary>
    public static ShownNumber? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["number"].Value;
        var decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var scale = Scale[match.Groups["unit"].Value];
        return new ShownNumber(double.Parse(digits, CultureInfo.InvariantCulture) * scale, 0.5 * Math.Pow(10, -decimals) * scale);
    }

    [GeneratedRegex(@"^(?<number>[+-]?[0-9]+(\.[0-9]+)?)( (?<unit>ns|µs|ms|s|B|KB|MB|GB|%))?$")]
    private static partial Regex Pattern();
}
