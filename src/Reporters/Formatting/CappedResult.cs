using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;

namespace RustScope.Reporters.Formatting;

/// <summary>
/// A comparison as the reports for people show it: every text from data capped by <see cref="TextCap"/> (names to
/// <see cref="TextCap.Name"/>, reasons, warnings and paths to <see cref="TextCap.Line"/>), so no report's cost or
/// size follows the length of a name. The JSON report keeps the comparison whole.
/// </summary>
internal static class CappedResult
{
    /// <summary><paramref name="result"/> with its texts capped; the same instance when nothing is too long.</summary>
    public static ComparisonResult Of(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!TooLong(result))
        {
            return result;
        }

        return result with
        {
            Baseline = Line(result.Baseline),
            Head = TextCap.Of(result.Head, TextCap.Line),
            BudgetFile = Line(result.BudgetFile),
            Targets = [.. result.Targets.Select(static t => t with { Name = TextCap.Of(t.Name), Metrics = [.. t.Metrics.Select(Metric)] })],
            Warnings = [.. result.Warnings.Select(static w => TextCap.Of(w, TextCap.Line))],
        };
    }

    private static MetricComparison Metric(MetricComparison metric) => metric with
    {
        Subject = metric.Subject is null ? null : TextCap.Of(metric.Subject),
        Reason = Line(metric.Reason),
        BudgetLocation = metric.BudgetLocation is { } location ? location with { File = TextCap.Of(location.File, TextCap.Line) } : null,
    };

    private static string? Line(string? text) => text is null ? null : TextCap.Of(text, TextCap.Line);

    // The common case, nothing to cap, copies nothing; plain loops, since every report of 70 000 metrics asks first.
    private static bool TooLong(ComparisonResult result)
    {
        if (result.Baseline?.Length > TextCap.Line || result.Head.Length > TextCap.Line || result.BudgetFile?.Length > TextCap.Line)
        {
            return true;
        }

        foreach (var warning in result.Warnings)
        {
            if (warning.Length > TextCap.Line)
            {
                return true;
            }
        }

        foreach (var target in result.Targets)
        {
            if (target.Name.Length > TextCap.Name)
            {
                return true;
            }

            var metrics = target.Metrics;
            for (var i = 0; i < metrics.Count; i++)
            {
                var metric = metrics[i];
                if (metric.Subject?.Length > TextCap.Name || metric.Reason?.Length > TextCap.Line || metric.BudgetLocation?.File.Length > TextCap.Line)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
