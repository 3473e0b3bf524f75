using RustScope.Core.Comparison;

namespace RustScope.Reporters;

/// <summary>Renders a comparison in one format.</summary>
public interface IComparisonReporter
{
    /// <summary>The format it writes.</summary>
    ReportFormat Format { get; }

    /// <summary>Renders <paramref name="result"/> to <paramref name="output"/>.</summary>
    void Write(ComparisonResult result, TextWriter output);

    /// <summary>Renders <paramref name="result"/> into the file <paramref name="path"/>, replacing it atomically.</summary>
    void WriteFile(ComparisonResult result, string path);
}
