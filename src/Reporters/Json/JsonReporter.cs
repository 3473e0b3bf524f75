using System.Text.Json;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Json;

/// <summary>The whole comparison as JSON, for dashboards and other tools.</summary>
public sealed class JsonReporter : IComparisonReporter
{
    /// <inheritdoc/>
    public void Write(ComparisonResult result, TextWriter output)
    {
        output.Write(JsonSerializer.Serialize(result, ComparisonJsonContext.Default.ComparisonResult));
        output.Write('\n');
    }
}
