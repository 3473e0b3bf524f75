using RustScope.Core.Comparison;
using RustScope.Reporters.Json;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters;

/// <summary>The reporter behind each file format of <see cref="ReportFormat.Files"/>.</summary>
public static class ReporterCatalog
{
    /// <summary>The reporter that writes <paramref name="format"/>, failing the gate on <paramref name="failOn"/>.</summary>
    /// <param name="format">One of <see cref="ReportFormat.Files"/>.</param>
    /// <param name="failOn">Which verdicts fail the gate.</param>
    /// <param name="fullReport">Where the HTML report is, as the Markdown report names it; null when none is written.</param>
    /// <exception cref="ArgumentOutOfRangeException">The format is not written to a file.</exception>
    public static IComparisonReporter ForFile(ReportFormat format, FailOn failOn, string? fullReport = null) =>
        format == ReportFormat.Markdown ? new MarkdownReporter(failOn, fullReport: fullReport)
        : format == ReportFormat.JUnit ? new JUnitReporter(failOn)
        : format == ReportFormat.Json ? new JsonReporter()
        : throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a file format");
}
