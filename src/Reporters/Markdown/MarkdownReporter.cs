using System.Text;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Escaping;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.Markdown;

/// <summary>
/// The pull-request comment: an actionable first line, regressions and exceeded budgets first with their evidence
/// and budget line, the functions behind a target's regression, warnings, and the rest folded away. Carries a hidden
/// marker so one comment can be updated in place, and stays under GitHub's comment size limit.
/// </summary>
/// <param name="failOn">Which verdicts fail the gate.</param>
/// <param name="maxLength">The most characters the comment may have.</param>
/// <param name="fullReport">Where the HTML report of the same comparison is, as the reader finds it; null when none was written.</param>
public sealed class MarkdownReporter(FailOn failOn = FailOn.Regressed, int maxLength = MarkdownReporter.GitHubCommentLimit, string? fullReport = null) : ComparisonReporter(ReportFormat.Markdown)
{
    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>The hidden marker that identifies RustScope's comment, on its last line.</summary>
    public const string Marker = "<!-- rustscope -->";

    // Last rather than first: the first line of the file is then the headline, in previews and notifications too.
    private const string Footer = "\n" + Marker + "\n";

    // Kept free while the failing table is laid out, so the culprits and a truncation note still fit after it.
    private const int Reserve = 4_096;

    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Render(result));
    }

    /// <summary>The whole comment, at most <c>maxLength</c> characters.</summary>
    public string Render(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result = CappedResult.Of(result);
        var headline = Headline(result);
        var room = maxLength - headline.Length - Footer.Length;
        var warnings = BoundedLines.Join(string.Empty, [.. result.Warnings.Select(w => $"> ⚠️ {MarkdownText.Escape(w)}\n")], "\n", room, Omitted("warnings"));
        room -= warnings.Length;
        var (failingRows, rest) = (new List<(string Target, MetricComparison Metric)>(), new List<(string Target, MetricComparison Metric)>());
        foreach (var target in result.Targets)
        {
            foreach (var metric in target.Metrics)
            {
                (failOn.Fails(metric.Verdict) ? failingRows : rest).Add((target.Name, metric));
            }
        }

        var failing = BoundedLines.Join(MarkdownTable.Header, failingRows, static r => MarkdownTable.Row(r.Target, r.Metric, failing: true), "\n", Math.Max(room - Reserve, room / 2), Omitted("failing metrics"));
        room -= failing.Length;
        var culprits = BoundedLines.Join(string.Empty, RegressionCulprits.Lines(result), string.Empty, room - (Reserve / 4), Omitted("targets' culprits"));
        room -= culprits.Length;
        var details = BoundedLines.Join(
            FormattableString.Invariant($"<details><summary>All other metrics ({rest.Count})</summary>\n\n") + MarkdownTable.Header,
            rest, static r => MarkdownTable.Row(r.Target, r.Metric, failing: false), "\n</details>\n", room, Omitted("metrics"));
        return headline + failing + culprits + warnings + details + Footer;
    }

    private string Headline(ComparisonResult result)
    {
        var tally = VerdictTally.Of(result);
        var icon = tally.Fails(failOn) ? "❌" : tally[Verdict.Inconclusive] > 0 ? "⚠️" : "✅";
        var text = new StringBuilder($"### {icon} RustScope: gate {GateHeadline.Describe(tally, failOn)} — {VerdictCounts.Describe(tally)}\n\n");
        text.Append(result.Baseline is null
            ? $"Checked {MarkdownText.Escape(result.Head)} against absolute budgets"
            : $"{MarkdownText.Escape(result.Head)} compared with {MarkdownText.Escape(result.Baseline)}");
        text.Append(FormattableString.Invariant($" · alpha {result.Alpha} · {result.Correction} correction"));
        text.Append(result.BudgetFile is null ? "\n\n" : $" · budget {MarkdownText.Escape(result.BudgetFile)}\n\n");
        if (fullReport is not null)
        {
            text.Append($"Full report: {MarkdownText.Escape(fullReport)}\n\n");
        }

        if (result.Sequential is { } sequential)
        {
            text.Append(SequentialText.Describe(sequential)).Append(".\n\n");
        }
        return text.ToString();
    }

    private static Func<int, string> Omitted(string what) => count => FormattableString.Invariant(
        $"\n_{count} more {what} not shown: a GitHub comment is limited to {GitHubCommentLimit} characters. The JSON report (`--json`) has them all._\n");
}
