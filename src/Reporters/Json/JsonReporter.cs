using System.Text.Json;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Json;

/// <summary>The whole comparison as JSON (docs/schema/comparison.v1.schema.json), for dashboards and other tools.</summary>
public sealed class JsonReporter() : ComparisonReporter(ReportFormat.Json)
{
    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var stream = new TextWriterStream(output))
        {
            JsonSerializer.Serialize(stream, result, ComparisonJsonContext.Default.ComparisonResult);
        }

        output.Write('\n');
    }

    /// <inheritdoc/>
    protected override void Write(ComparisonResult result, Stream output)
    {
        JsonSerializer.Serialize(output, result, ComparisonJsonContext.Default.ComparisonResult);
        output.WriteByte((byte)'\n');
    }
}
