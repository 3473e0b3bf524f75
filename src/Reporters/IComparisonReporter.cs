using RustScope.Core.Comparison;

namespace RustScope.Reporters;

/// <summary>Renders a comparison in one format.</summary>
public interface IComparisonReporter
{
    /// <summary>Renders <paramref name="result"/> to <paramref name="output"/>.</summary>
    void Write(ComparisonResult result, TextWriter output);
}
