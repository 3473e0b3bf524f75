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

        if (!double.IsFinite(v))
        {
            return Numbers.Format(v, "G");
        }

        return unit switch
        {
            "ns" => Duration(v),
            "s" => Duration(v * 1e9),
            "B" => Size(v),
            "MB" => Size(v * 1e6),
            "%" => $"{Numbers.Format(v, "0.#")} %",
            "count" => Numbers.Format(v, "0.##"),
            _ => $"{Numbers.Format(v, "G4")} {unit}",
        };
    }

    /// <summary>A relative change: <c>+12.3 %</c>.</summary>
    public static string Change(double? change) => change switch
    {
        null => "–",
        { } c when double.IsFinite(c) => $"{Numbers.Format(c * 100, "+0.0;-0.0;0.0")} %",
        { } c => Numbers.Format(c, "G"),
    };

    /// <summary>A confidence interval of a relative change: <c>[+8.1 %, +16.4 %]</c>.</summary>
    public static string Interval(MetricComparison metric) =>
        metric.ChangeCiLow is null && metric.ChangeCiHigh is null ? "–" : $"[{Change(metric.ChangeCiLow)}, {(metric.ChangeCiHigh is null ? "∞" : Change(metric.ChangeCiHigh))}]";

    /// <summary>A p-value, small ones in scientific notation.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 1e-4 and >= 0 => Numbers.Format(p.Value, "0.0e0"),
        _ => Numbers.Format(p.Value, "0.####"),
    };

    /// <summary>The threshold as written: <c>5 %</c>, <c>5 % and 200 µs</c>.</summary>
    public static string Threshold(RegressionThreshold? threshold, string unit) => threshold switch
    {
        null => "–",
        { Relative: { } r, Absolute: { } a } => $"{Numbers.Format(r * 100, "0.##")} % and {Value(a, unit)}",
        { Relative: { } r } => $"{Numbers.Format(r * 100, "0.##")} %",
        { Absolute: { } a } => Value(a, unit),
        _ => "–",
    };

    /// <summary>What a metric is, for headings and test names: <c>wall_time</c> or <c>Shop.Pay p95</c>.</summary>
    public static string Subject(MetricComparison metric) => metric.Subject is null ? metric.Metric : $"{metric.Subject} {metric.Metric}";

    /// <summary>The verdict's word.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Comparison.Verdict.BudgetExceeded => "over budget",
        Core.Comparison.Verdict.WithinBudget => "within budget",
        Core.Comparison.Verdict.NotJudged => "not judged",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    /// <summary>One sentence on a metric, for failure messages and annotations.</summary>
    public static string Sentence(MetricComparison metric) => metric.Verdict switch
    {
        Core.Comparison.Verdict.BudgetExceeded => $"{Subject(metric)}: {Value(metric.HeadValue, metric.Unit)} is over the budget of {Value(metric.Budget, metric.Unit)}",
        Core.Comparison.Verdict.Regressed or Core.Comparison.Verdict.Improved =>
            $"{Subject(metric)} {Verdict(metric.Verdict)} {Change(metric.Change)} ({Value(metric.BaselineValue, metric.Unit)} → {Value(metric.HeadValue, metric.Unit)}, " +
            $"{(metric.ConfidenceLevel is { } level ? $"{Numbers.Format(level * 100, "0")}% " : string.Empty)}CI {Interval(metric)}, adjusted p {PValue(metric.AdjustedPValue)}, threshold {Threshold(metric.Threshold, metric.Unit)})",
        _ => $"{Subject(metric)} {Verdict(metric.Verdict)}{(metric.Reason is { } reason ? $": {reason}" : string.Empty)}",
    };

    private static string Duration(double ns) => Math.Abs(ns) switch
    {
        < 1e3 => $"{Numbers.Format(ns, "0.#")} ns",
        < 1e6 => $"{Numbers.Format(ns / 1e3, "0.##")} µs",
        < 1e9 => $"{Numbers.Format(ns / 1e6, "0.##")} ms",
        _ => $"{Numbers.Format(ns / 1e9, "0.###")} s",
    };

    private static string Size(double bytes) => Math.Abs(bytes) switch
    {
        < 1e3 => $"{Numbers.Format(bytes, "0.#")} B",
        < 1e6 => $"{Numbers.Format(bytes / 1e3, "0.##")} KB",
        < 1e9 => $"{Numbers.Format(bytes / 1e6, "0.##")} MB",
        _ => $"{Numbers.Format(bytes / 1e9, "0.##")} GB",
    };
}
