using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.GitHub;

/// <summary>
/// GitHub Actions workflow commands: an error annotation on the budget line for each regression or exceeded budget,
/// a warning for each inconclusive metric that does not fail it (invalid data fails it). https://docs.github.com/actions/reference/workflow-commands-for-github-actions
/// GitHub shows at most ten errors and ten warnings of a step; the rest are counted in one notice instead of being lost.
/// </summary>
public sealed class GitHubReporter(FailOn failOn = FailOn.Regressed) : ComparisonReporter(ReportFormat.GitHub)
{
    /// <summary>The annotations of one level GitHub shows per step.</summary>
    public const int AnnotationLimit = 10;

    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        result = CappedResult.Of(result);
        var annotations = result.Targets
            .SelectMany(t => t.Metrics.Select(m => (Level: Level(m.Verdict), Text: $"{Properties(t, m)}::{WorkflowCommand.Data(MetricText.Sentence(m))}")))
            .Where(a => a.Level is not null)
            .Concat(result.Warnings.Select(w => (Level: (string?)"warning", Text: $"title=RustScope::{WorkflowCommand.Data(w)}")))
            .ToList();
        var left = new List<string>();
        foreach (var level in (string[])["error", "warning"])
        {
            var ofLevel = annotations.Where(a => a.Level == level).ToList();
            foreach (var (_, text) in ofLevel.Take(AnnotationLimit))
            {
                output.Write($"::{level} {text}\n");
            }

            if (ofLevel.Count > AnnotationLimit)
            {
                left.Add(FormattableString.Invariant($"{ofLevel.Count - AnnotationLimit} more {level}s"));
            }
        }

        if (left.Count > 0)
        {
            output.Write(FormattableString.Invariant(
                $"::notice title=RustScope::{string.Join(" and ", left)} are not annotated (GitHub shows {AnnotationLimit} of each per step); the job summary and the reports list them all\n"));
        }
    }

    private string? Level(Verdict verdict) => failOn.Fails(verdict) ? "error" : verdict is Verdict.Inconclusive or Verdict.EnvironmentChanged ? "warning" : null;

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
