using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;
using RustScope.Reporters.Escaping;

namespace RustScope.Reporters.Markdown;

/// <summary>
/// When a target's process metrics regressed, its function and benchmark metrics that regressed too account for it:
/// the reviewer learns where to look without opening the details.
/// </summary>
internal static class RegressionCulprits
{
    // A comment names the worst few; the table and the JSON report have the rest.
    private const int Named = 10;

    /// <summary>One line per target whose process regressed, with the regressed functions worst first.</summary>
    public static IReadOnlyList<string> Lines(ComparisonResult result) =>
        [.. result.Targets.Select(Line).OfType<string>()];

    private static string? Line(TargetComparison target)
    {
        if (!target.Metrics.Any(m => m.Kind == MetricKind.Process && IsWorse(m)))
        {
            return null;
        }

        var culprits = target.Metrics
            .Where(m => m.Kind != MetricKind.Process && IsWorse(m))
            .OrderByDescending(m => m.Change ?? 0)
            .ToList();
        if (culprits.Count == 0)
        {
            return null;
        }

        var named = string.Join(", ", culprits.Take(Named).Select(m => $"{MarkdownText.Escape(m.Subject ?? m.Metric)} ({MarkdownText.Escape(m.Metric)} {NumberText.Change(m.Change)})"));
        var more = culprits.Count > Named ? FormattableString.Invariant($" and {culprits.Count - Named} more") : string.Empty;
        return $"**Functions behind {MarkdownText.Escape(target.Name)}'s regression:** {named}{more}\n\n";
    }

    private static bool IsWorse(MetricComparison metric) => metric.Verdict is Verdict.Regressed or Verdict.BudgetExceeded;
}
