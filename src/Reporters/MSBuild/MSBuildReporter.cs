using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.MSBuild;

/// <summary>
/// MSBuild canonical diagnostics (<c>rustscope.yml(12,7): error RS2001: …</c>): an MSBuild task running the CLI, or
/// an IDE reading the build log, turns each line into an error or warning at the budget line.
/// https://learn.microsoft.com/visualstudio/msbuild/msbuild-diagnostic-format-for-tasks
/// </summary>
public sealed class MSBuildReporter(FailOn failOn = FailOn.Regressed) : ComparisonReporter(ReportFormat.MSBuild)
{
    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        result = CappedResult.Of(result);
        foreach (var metric in result.AllMetrics)
        {
            if (Classify(metric.Verdict) is not ({ } severity, { } code))
            {
                continue;
            }

            var message = OneLine(MetricText.Sentence(metric));
            var diagnostic = metric.BudgetLocation is { } location
                ? new Diagnostic(OneLine(location.File), location.Line, location.Column, code, message)
                : new Diagnostic(OneLine(result.BudgetFile ?? "rustscope"), null, null, code, message);
            output.Write(diagnostic.Format(severity, msbuild: true) + "\n");
        }
    }

    private (DiagnosticSeverity Severity, string Code)? Classify(Verdict verdict) =>
        Code(verdict) is { } code ? (failOn.Fails(verdict) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, code) : null;

    private static string? Code(Verdict verdict) => verdict switch
    {
        Verdict.BudgetExceeded => DiagnosticCodes.BudgetExceeded,
        Verdict.Regressed => DiagnosticCodes.Regressed,
        Verdict.Inconclusive => DiagnosticCodes.Inconclusive,
        Verdict.Invalid => DiagnosticCodes.InvalidData,
        Verdict.EnvironmentChanged => DiagnosticCodes.EnvironmentChanged,
        _ => null,
    };

    // One diagnostic per line: a newline in a function name would start a line MSBuild parses on its own.
    private static string OneLine(string text) => TerminalText.Neutralize(text.Replace('\r', ' ').Replace('\n', ' '));
}
