using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.MSBuild;

/// <summary>
/// MSBuild canonical diagnostics (<c>rustscope.yml(12,7): error RS2001: …</c>): an MSBuild task running the CLI, or
/// an IDE reading the build log, turns each line into an error or warning at the budget line.
/// </summary>
public sealed class MSBuildReporter(FailOn failOn = FailOn.Regressed) : IComparisonReporter
{
    /// <inheritdoc/>
    public void Write(ComparisonResult result, TextWriter output)
    {
        foreach (var metric in result.AllMetrics)
        {
            var (severity, code) = metric.Verdict switch
            {
                Verdict.BudgetExceeded => ("error", DiagnosticCodes.BudgetExceeded),
                Verdict.Regressed => ("error", DiagnosticCodes.Regressed),
                Verdict.Inconclusive => (failOn == FailOn.Inconclusive ? "error" : "warning", DiagnosticCodes.Inconclusive),
                _ => (null, null),
            };
            if (severity is null)
            {
                continue;
            }

            var origin = metric.BudgetLocation is { } location
                ? System.FormattableString.Invariant($"{location.File}({location.Line},{location.Column})")
                : result.BudgetFile ?? "rustscope";
            output.Write($"{origin}: {severity} {code}: {OneLine(MetricText.Sentence(metric))}\n");
        }
    }

    private static string OneLine(string text) => Escaping.TerminalText.Neutralize(text.Replace('\r', ' ').Replace('\n', ' '));
}
