using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Escaping;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.Markdown;

/// <summary>The verdict table: one row per metric with the statistic compared, its evidence and the budget line that applied.</summary>
internal static class MarkdownTable
{
    public const string Header = "| | Target | Metric | Statistic | Baseline | Head | Change | CI | p (adj.) | Budget · threshold |\n|---|---|---|---|---|---|---|---|---|---|\n";

    public static string Row(string target, MetricComparison metric, bool failing)
    {
        var icon = metric.Verdict switch
        {
            _ when failing => "❌",
            Verdict.Inconclusive or Verdict.Missing or Verdict.EnvironmentChanged => "⚠️",
            Verdict.Improved => "🚀",
            _ => "✅",
        };
        var budget = $"{NumberText.Value(metric.Budget, metric.Unit)} · {NumberText.Threshold(metric.Threshold, metric.Unit)}";
        if (metric.BudgetLocation is { } location)
        {
            budget += $" · {MarkdownText.Escape(location.ToString())}";
        }

        // Metric names are RustScope's own identifiers; subjects come from profile data and are escaped.
        var name = metric.Subject is null ? $"`{metric.Metric}`" : $"{MarkdownText.Escape(metric.Subject)} `{metric.Metric}`";
        var verdict = metric.Reason is { } reason && metric.Verdict is not (Verdict.Regressed or Verdict.Improved)
            ? $"{icon} {MetricText.Verdict(metric.Verdict)}: {MarkdownText.Escape(reason)}"
            : $"{icon} {MetricText.Verdict(metric.Verdict)}";
        return $"| {verdict} | {MarkdownText.Escape(target)} | {name} | {StatisticText.Of(metric)} | {NumberText.Value(metric.BaselineValue, metric.Unit)} | {NumberText.Value(metric.HeadValue, metric.Unit)} | " +
            $"{NumberText.Change(metric.Change)} | {NumberText.Interval(metric)} | {NumberText.PValue(metric.AdjustedPValue)} | {budget} |\n";
    }
}
