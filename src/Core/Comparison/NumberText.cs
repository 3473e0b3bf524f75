using System.Globalization;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Numbers as a reviewer reads them, for the reasons the comparer writes and every report alike: scaled units, signed
/// percentages, the invariant culture everywhere, and ∞ or n/a instead of "Infinity %" or "NaN ms".
/// </summary>
public static class NumberText
{
    /// <summary>A value in the metric's unit, nanoseconds scaled to µs/ms/s, bytes to KB/MB.</summary>
    public static string Value(double? value, string unit)
    {
        if (value is not { } v)
        {
            return "–";
        }

        if (!double.IsFinite(v))
        {
            return Format(v, "G");
        }

        return unit switch
        {
            "ns" => Duration(v),
            "s" => Duration(v * 1e9),
            "B" => Size(v),
            "MB" => Size(v * 1e6),
            "%" => Percentage(v),
            "count" => Format(v, "0.##"),
            _ => WithUnit(v, "G4", unit),
        };
    }

    /// <summary>A relative change: <c>+12.3 %</c>.</summary>
    public static string Change(double? change) => change switch
    {
        null => "–",
        { } c when double.IsFinite(c) => Signed(c * 100),
        { } c => Format(c, "G"),
    };

    /// <summary>The confidence interval of a metric's change: <c>[+8.1 %, +16.4 %]</c>; an unknown upper end is ∞.</summary>
    public static string Interval(MetricComparison metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.ChangeCiLow is null && metric.ChangeCiHigh is null ? "–" : $"[{Change(metric.ChangeCiLow)}, {(metric.ChangeCiHigh is null ? "∞" : Change(metric.ChangeCiHigh))}]";
    }

    /// <summary>An unsigned fraction as a percentage: <c>12.5 %</c> (a confidence level, a spread).</summary>
    public static string Percent(double fraction) => WithUnit(fraction * 100, "0.#", "%");

    /// <summary>A p-value, small ones in scientific notation.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 1e-4 and >= 0 => Format(p.Value, "0.0e0"),
        _ => Format(p.Value, "0.####"),
    };

    /// <summary>The threshold as written: <c>5 %</c>, <c>5 % and 200 µs</c>.</summary>
    public static string Threshold(RegressionThreshold? threshold, string unit) => threshold switch
    {
        null => "–",
        // Nearly every metric has the default, whose text needs no unit: written once, not once a metric.
        _ when ReferenceEquals(threshold, RegressionThreshold.Default) => DefaultThreshold,
        { Relative: { } r, Absolute: { } a } => $"{Format(r * 100, "0.##")} % and {Value(a, unit)}",
        { Relative: { } r } => WithUnit(r * 100, "0.##", "%"),
        { Absolute: { } a } => Value(a, unit),
        _ => "–",
    };

    private static readonly string DefaultThreshold = WithUnit(RegressionThreshold.Default.Relative!.Value * 100, "0.##", "%");

    // A percentage as the format "+0.0;-0.0;0.0" writes it, without parsing its sections every time: the digits of the
    // magnitude after the sign, and a value that rounds to zero unsigned, as the format's third section has it.
    private static string Signed(double percent)
    {
        Span<char> text = stackalloc char[64];
        if (!double.IsFinite(percent) || !Math.Abs(percent).TryFormat(text[1..], out var length, "0.0", CultureInfo.InvariantCulture))
        {
            return WithUnit(percent, "+0.0;-0.0;0.0", "%");
        }

        if (text.Slice(1, length) is "0.0")
        {
            return "0.0 %";
        }

        text[0] = percent < 0 ? '-' : '+';
        return string.Concat(text[..(length + 1)], " %");
    }

    // Three significant digits at least: a process idling at 0.55 % of a core must not read "0.6 % → 0.6 %" beside a
    // change of -12 %.
    private static string Percentage(double value) => WithUnit(value, Math.Abs(value) switch { >= 10 => "0.#", >= 1 => "0.##", _ => "0.###" }, "%");

    private static string Duration(double ns) => Math.Abs(ns) switch
    {
        < 1e3 => WithUnit(ns, "0.#", "ns"),
        < 1e6 => WithUnit(ns / 1e3, "0.##", "µs"),
        < 1e9 => WithUnit(ns / 1e6, "0.##", "ms"),
        _ => WithUnit(ns / 1e9, "0.###", "s"),
    };

    private static string Size(double bytes) => Math.Abs(bytes) switch
    {
        < 1e3 => WithUnit(bytes, "0.#", "B"),
        < 1e6 => WithUnit(bytes / 1e3, "0.##", "KB"),
        < 1e9 => WithUnit(bytes / 1e6, "0.##", "MB"),
        _ => WithUnit(bytes / 1e9, "0.##", "GB"),
    };

    // A number and its unit in one string: the number is formatted in place, not made a string of its own first (the
    // JUnit and Markdown reports of 70 000 metrics write a dozen numbers each). Not finite, or too long, it is Format's.
    private static string WithUnit(double value, string format, string unit)
    {
        Span<char> number = stackalloc char[64];
        return double.IsFinite(value) && value.TryFormat(number, out var length, format, CultureInfo.InvariantCulture)
            ? string.Concat(number[..length], " ", unit)
            : $"{Format(value, format)} {unit}";
    }

    private static string Format(double value, string format) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        double.NaN => "n/a",
        _ => value.ToString(format, CultureInfo.InvariantCulture),
    };
}
