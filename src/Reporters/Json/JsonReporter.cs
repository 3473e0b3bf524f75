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
            Serialize(result, stream);
        }

        output.Write('\n');
    }

    /// <inheritdoc/>
    protected override void Write(ComparisonResult result, Stream output)
    {
        Serialize(result, output);
        output.WriteByte((byte)'\n');
    }

    private static void Serialize(ComparisonResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new StreamBufferWriter(output);
        using (var writer = new Utf8JsonWriter(buffer, ComparisonJson.WriterOptions))
        {
            ComparisonJson.Serialize(writer, result);
        }

        buffer.Flush();
    }
}
