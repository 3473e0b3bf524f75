using System.Globalization;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Formatting;

/// <summary>Numbers as a reviewer reads them: scaled units, signed percentages, invariant culture everywhere.</summary>
public static class MetricText
{
    /// <summary>A value in the metric's unit, nanoseconds scaled to µs/ms/s, bytes to KB/MB.</summary>
    public static string Value(double? value, string unit)
    {
        if (value is not { } v)
        {
            return "–";
        }

        return unit switch
        {
            "ns" => Duration(v),
            "s" => Duration(v * 1e9),
            "B" => Size(v),
            "MB" => Size(v * 1e6),
            "%" => Invariant($"{v:0.#} %"),
            "count" => Invariant($"{v:0.##}"),
            _ => Invariant($"{v:G4} {unit}"),
        };
    }

    /// <summary>A relative change: <c>+12.3 %</c>.</summary>
    public static string Change(double? change) => change is { } c ? Invariant($"{c * 100:+0.0;-0.0;0.0} %") : "–";

    /// <summary>A confidence interval of a relative change: <c>[+8.1 %, +16.4 %]</c>.</summary>
    public static string Interval(MetricComparison metric) =>
        metric.ChangeCiLow is null && metric.ChangeCiHigh is null ? "–" : $"[{Change(metric.ChangeCiLow)}, {(metric.ChangeCiHigh is null ? "∞" : Change(metric.ChangeCiHigh))}]";

    /// <summary>A p-value, small ones in scientific notation.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 1e-4 => Invariant($"{p:0.0e0}"),
        _ => Invariant($"{p:0.####}"),
    };

    /// <summary>The threshold as written: <c>5 %</c>, <c>5 % and 200 µs</c>.</summary>
    public static string Threshold(RegressionThreshold? threshold, string unit) => threshold switch
    {
        null => "–",
        { Relative: { } r, Absolute: { } a } => $"{Invariant($"{r * 100:0.##} %")} and {Value(a, unit)}",
        { Relative: { } r } => Invariant($"{r * 100:0.##} %"),
        { Absolute: { } a } => Value(a, unit),
        _ => "–",
    };

    /// <summary>What a metric is, for headings and test names: <c>wall_time</c> or <c>Shop.Pay p95</c>.</summary>
    public static string Subject(MetricComparison metric) => metric.Subject is null ? metric.Metric : $"{metric.Subject} {metric.Metric}";

    /// <summary>The verdict's word.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Comparison.Verdict.BudgetExceeded => "over budget",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    /// <summary>One sentence on a metric, for failure messages and annotations.</summary>
    public static string Sentence(MetricComparison metric) => metric.Verdict switch
    {
        Core.Comparison.Verdict.BudgetExceeded => $"{Subject(metric)}: {Value(metric.HeadValue, metric.Unit)} is over the budget of {Value(metric.Budget, metric.Unit)}",
        Core.Comparison.Verdict.Regressed or Core.Comparison.Verdict.Improved =>
            $"{Subject(metric)} {Verdict(metric.Verdict)} {Change(metric.Change)} ({Value(metric.BaselineValue, metric.Unit)} → {Value(metric.HeadValue, metric.Unit)}, " +
            $"{metric.ConfidenceLevel * 100:0}% CI {Interval(metric)}, adjusted p {PValue(metric.AdjustedPValue)}, threshold {Threshold(metric.Threshold, metric.Unit)})",
        _ => $"{Subject(metric)} {Verdict(metric.Verdict)}{(metric.Reason is { } reason ? $": {reason}" : string.Empty)}",
    };

    private static string Duration(double ns) => Math.Abs(ns) switch
    {
        < 1e3 => Invariant($"{ns:0.#} ns"),
        < 1e6 => Invariant($"{ns / 1e3:0.##} µs"),
        < 1e9 => Invariant($"{ns / 1e6:0.##} ms"),
        _ => Invariant($"{ns / 1e9:0.###} s"),
    };

    private static string Size(double bytes) => Math.Abs(bytes) switch
    {
        < 1e3 => Invariant($"{bytes:0.#} B"),
        < 1e6 => Invariant($"{bytes / 1e3:0.##} KB"),
        < 1e9 => Invariant($"{bytes / 1e6:0.##} MB"),
        _ => Invariant($"{bytes / 1e9:0.##} GB"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
