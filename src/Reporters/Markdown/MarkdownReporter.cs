using System.Text;
using RustScope.Core.Comparison;
using RustScope.Reporters.Escaping;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.Markdown;

/// <summary>
/// The pull-request comment: an actionable first line, regressions and exceeded budgets first with their evidence
/// and budget line, the functions behind a target's regression, warnings, and the rest folded away. Carries a hidden
/// marker so one comment can be updated in place, and stays under GitHub's comment size limit.
/// </summary>
public sealed class MarkdownReporter(FailOn failOn = FailOn.Regressed, int maxLength = MarkdownReporter.GitHubCommentLimit) : IComparisonReporter
{
    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>The hidden marker that identifies RustScope's comment.</summary>
    public const string Marker = "<!-- rustscope -->";

    private const string TableHeader = "| | Target | Metric | Baseline | Head | Change | CI | p (adj.) | Budget · threshold |\n|---|---|---|---|---|---|---|---|---|\n";

    /// <inheritdoc/>
    public void Write(ComparisonResult result, TextWriter output) => output.Write(Render(result));

    /// <summary>The whole comment.</summary>
    public string Render(ComparisonResult result)
    {
        var head = new StringBuilder();
        head.Append(Marker).Append('\n');
        var icon = result.Failed(failOn) ? "❌" : result.Count(Verdict.Inconclusive) + result.Count(Verdict.Invalid) > 0 ? "⚠️" : "✅";
        var outcome = result.Failed(failOn) ? "gate failed" : "gate passed";
        head.Append($"### {icon} RustScope: {outcome} — {VerdictCounts.Describe(result)}\n\n");
        head.Append(result.Baseline is null
            ? $"Checked `{MarkdownText.Escape(result.Head)}` against absolute budgets"
            : $"`{MarkdownText.Escape(result.Head)}` compared with `{MarkdownText.Escape(result.Baseline)}`");
        head.Append(System.FormattableString.Invariant($" · alpha {result.Alpha} · {result.Correction} correction"));
        head.Append(result.BudgetFile is null ? "\n\n" : $" · budget `{MarkdownText.Escape(result.BudgetFile)}`\n\n");

        var failing = result.Targets.SelectMany(t => t.Metrics.Where(IsFailing).Select(m => (t.Name, Metric: m))).ToList();
        if (failing.Count > 0)
        {
            head.Append(TableHeader);
            foreach (var (target, metric) in failing)
            {
                head.Append(Row(target, metric));
            }

            head.Append('\n');
        }

        foreach (var target in result.Targets)
        {
            AppendCulprits(head, target);
        }

        foreach (var warning in result.Warnings)
        {
            head.Append($"> ⚠️ {MarkdownText.Escape(warning)}\n");
        }

        if (result.Warnings.Count > 0)
        {
            head.Append('\n');
        }

        var rest = result.Targets.SelectMany(t => t.Metrics.Where(m => !IsFailing(m)).Select(m => Row(t.Name, m))).ToList();
        return head + Details(rest, maxLength - head.Length);
    }

    private bool IsFailing(MetricComparison metric) =>
        metric.Verdict is Verdict.Regressed or Verdict.BudgetExceeded || (failOn == FailOn.Inconclusive && metric.Verdict == Verdict.Inconclusive);

    /// <summary>When a process metric regressed, the functions of the same target that regressed too account for it.</summary>
    private static void AppendCulprits(StringBuilder text, TargetComparison target)
    {
        if (!target.Metrics.Any(m => m.Kind == MetricKind.Process && m.Verdict is Verdict.Regressed or Verdict.BudgetExceeded))
        {
            return;
        }

        var culprits = target.Metrics
            .Where(m => m.Kind != MetricKind.Process && m.Verdict is Verdict.Regressed or Verdict.BudgetExceeded)
            .OrderByDescending(m => m.Change ?? 0)
            .ToList();
        if (culprits.Count == 0)
        {
            return;
        }

        text.Append($"**Functions behind {MarkdownText.Escape(target.Name)}'s regression:** ");
        text.Append(string.Join(", ", culprits.Select(m => $"{MarkdownText.Escape(m.Subject ?? m.Metric)} ({MarkdownText.Escape(m.Metric)} {MetricText.Change(m.Change)})")));
        text.Append("\n\n");
    }

    private static string Details(List<string> rows, int room)
    {
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        const string open = "<details><summary>All other metrics</summary>\n\n";
        const string close = "\n</details>\n";
        var body = new StringBuilder(open).Append(TableHeader);
        var shown = 0;
        foreach (var row in rows)
        {
            // Keep room for the closing tag and the truncation note.
            if (body.Length + row.Length + close.Length + 200 > room)
            {
                break;
            }

            body.Append(row);
            shown++;
        }

        if (shown < rows.Count)
        {
            body.Append(System.FormattableString.Invariant($"\n_{rows.Count - shown} more metrics not shown: a GitHub comment is limited to {GitHubCommentLimit} characters. The JSON report (`--json`) has them all._\n"));
        }

        return body.Append(close).ToString();
    }

    private string Row(string target, MetricComparison metric)
    {
        var icon = metric.Verdict switch
        {
            _ when IsFailing(metric) => "❌",
            Verdict.Inconclusive or Verdict.Invalid or Verdict.Missing => "⚠️",
            Verdict.Improved => "🚀",
            _ => "✅",
        };
        var budget = metric.BudgetLocation is { } location
            ? $"{MetricText.Value(metric.Budget, metric.Unit)} · {MetricText.Threshold(metric.Threshold, metric.Unit)} · `{MarkdownText.Escape(location.ToString())}`"
            : $"{MetricText.Value(metric.Budget, metric.Unit)} · {MetricText.Threshold(metric.Threshold, metric.Unit)}";
        var name = metric.Subject is null ? $"`{metric.Metric}`" : $"{MarkdownText.Escape(metric.Subject)} `{metric.Metric}`";
        var verdict = metric.Reason is { } reason && metric.Verdict is not (Verdict.Regressed or Verdict.Improved)
            ? $"{icon} {MetricText.Verdict(metric.Verdict)}: {MarkdownText.Escape(reason)}"
            : $"{icon} {MetricText.Verdict(metric.Verdict)}";
        return $"| {verdict} | {MarkdownText.Escape(target)} | {name} | {MetricText.Value(metric.BaselineValue, metric.Unit)} | {MetricText.Value(metric.HeadValue, metric.Unit)} | " +
            $"{MetricText.Change(metric.Change)} | {MetricText.Interval(metric)} | {MetricText.PValue(metric.AdjustedPValue)} | {budget} |\n";
    }
}
