using RustScope.Core.Comparison;
using RustScope.Reporters.Json;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters;

/// <summary>The reporter behind each file format of <see cref="ReportFormat.Files"/>.</summary>
public static class ReporterCatalog
{
    /// <summary>The reporter that writes <paramref name="format"/>, failing the gate on <paramref name="failOn"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is not written to a file.</exception>
    public static IComparisonReporter ForFile(ReportFormat format, FailOn failOn) =>
        format == ReportFormat.Markdown ? new MarkdownReporter(failOn)
        : format == ReportFormat.JUnit ? new JUnitReporter(failOn)
        : format == ReportFormat.Json ? new JsonReporter()
        : throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a file format");
}
