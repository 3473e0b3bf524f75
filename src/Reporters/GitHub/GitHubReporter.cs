using RustScope.Core.Comparison;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.GitHub;

/// <summary>
/// GitHub Actions workflow commands: an error annotation on the budget line for each regression or exceeded budget,
/// a warning for each inconclusive metric. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
/// </summary>
public sealed class GitHubReporter(FailOn failOn = FailOn.Regressed) : IComparisonReporter
{
    /// <summary>On when asked (<c>--github</c>) or when running in GitHub Actions.</summary>
    public static bool IsEnabled(bool requested, string? githubActions) =>
        requested || string.Equals(githubActions, "true", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public void Write(ComparisonResult result, TextWriter output)
    {
        foreach (var target in result.Targets)
        {
            foreach (var metric in target.Metrics)
            {
                var level = metric.Verdict switch
                {
                    Verdict.Regressed or Verdict.BudgetExceeded => "error",
                    Verdict.Inconclusive => failOn == FailOn.Inconclusive ? "error" : "warning",
                    Verdict.Invalid => "warning",
                    _ => null,
                };
                if (level is null)
                {
                    continue;
                }

                var properties = new List<string>();
                if (metric.BudgetLocation is { } location)
                {
                    properties.Add($"file={Property(location.File)}");
                    properties.Add(System.FormattableString.Invariant($"line={location.Line}"));
                    properties.Add(System.FormattableString.Invariant($"col={location.Column}"));
                }

                properties.Add($"title={Property($"RustScope {target.Name}: {MetricText.Subject(metric)} {MetricText.Verdict(metric.Verdict)}")}");
                output.Write($"::{level} {string.Join(',', properties)}::{Data(MetricText.Sentence(metric))}\n");
            }
        }

        foreach (var warning in result.Warnings)
        {
            output.Write($"::warning title=RustScope::{Data(warning)}\n");
        }
    }

    /// <summary>Appends the Markdown report to the job summary file GitHub names in GITHUB_STEP_SUMMARY.</summary>
    public static void AppendStepSummary(string summaryPath, string markdown) => File.AppendAllText(summaryPath, markdown + "\n");

    // Workflow-command escaping: data escapes % CR LF; property values also ':' and ','. Other control characters
    // (terminal escapes in a function name) are neutralised: the log is shown in a terminal-like viewer.
    internal static string Data(string text) => Escaping.TerminalText.Neutralize(
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    internal static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
