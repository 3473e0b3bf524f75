using RustScope.Core.Comparison;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.GitHub;

/// <summary>
/// GitHub Actions workflow commands: an error annotation on the budget line for each regression or exceeded budget,
/// a warning for each inconclusive or invalid metric. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
/// </summary>
public sealed class GitHubReporter(FailOn failOn = FailOn.Regressed) : ComparisonReporter(FormatName, "txt")
{
    /// <summary>The format's name in <see cref="ReporterCatalog"/>.</summary>
    public const string FormatName = "github";

    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var target in result.Targets)
        {
            foreach (var metric in target.Metrics)
            {
                if (Level(metric.Verdict) is { } level)
                {
                    output.Write($"::{level} {Properties(target, metric)}::{WorkflowCommand.Data(MetricText.Sentence(metric))}\n");
                }
            }
        }

        foreach (var warning in result.Warnings)
        {
            output.Write($"::warning title=RustScope::{WorkflowCommand.Data(warning)}\n");
        }
    }

    private string? Level(Verdict verdict) => verdict switch
    {
        Verdict.Regressed or Verdict.BudgetExceeded => "error",
        Verdict.Inconclusive => failOn == FailOn.Inconclusive ? "error" : "warning",
        Verdict.Invalid => "warning",
        _ => null,
    };

    private static string Properties(TargetComparison target, MetricComparison metric)
    {
        var properties = new List<string>();
        if (metric.BudgetLocation is { } location)
        {
            properties.Add($"file={WorkflowCommand.Property(location.File)}");
            properties.Add(FormattableString.Invariant($"line={location.Line}"));
            properties.Add(FormattableString.Invariant($"col={location.Column}"));
        }

        properties.Add($"title={WorkflowCommand.Property($"RustScope {target.Name}: {MetricText.Subject(metric)} {MetricText.Verdict(metric.Verdict)}")}");
        return string.Join(',', properties);
    }
}
