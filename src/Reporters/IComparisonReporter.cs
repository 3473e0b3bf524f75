using RustScope.Core.Comparison;

namespace RustScope.Reporters;

/// <summary>Renders a comparison in one format.</summary>
public interface IComparisonReporter
{
    /// <summary>The format's name as the command line spells it: <c>markdown</c>, <c>junit</c>…</summary>
    string Name { get; }

    /// <summary>The usual file extension of the format, without the dot.</summary>
    string FileExtension { get; }

    /// <summary>Renders <paramref name="result"/> to <paramref name="output"/>.</summary>
    void Write(ComparisonResult result, TextWriter output);

    /// <summary>Renders <paramref name="result"/> into the file <paramref name="path"/>, replacing it atomically.</summary>
    void WriteFile(ComparisonResult result, string path);
}
