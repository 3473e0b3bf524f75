using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// speedscope's file format (https://www.speedscope.app/file-format-schema.json): frames shared by every profile, and
/// profiles either <c>sampled</c> (stacks root first, with weights) or <c>evented</c> (open and close events in time).
/// A frame's <c>file</c> carries the module.
/// </summary>
public static class SpeedscopeFormat
{
    private const string Schema = "https://www.speedscope.app/file-format-schema.json";

    /// <summary>True when the parsed JSON is a speedscope file: it names the schema, or has shared frames and profiles.</summary>
    public static bool IsSpeedscope(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && ((root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.GetString()!.Contains("speedscope", StringComparison.Ordinal))
            || (root.TryGetProperty("shared", out _) && root.TryGetProperty("profiles", out _)));

    /// <summary>Writes the stacks as one sampled profile named <paramref name="name"/>; zero weights are left out.</summary>
    public static byte[] Write(StackProfile stacks, string name)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("name", name);
            json.WriteString("exporter", "rustscope");
            json.WriteNumber("activeProfileIndex", 0);
            json.WriteStartObject("shared");
            json.WriteStartArray("frames");
            foreach (var frame in stacks.Frames)
            {
                json.WriteStartObject();
                json.WriteString("name", frame.Name);
                if (frame.Module is { } module)
                {
                    json.WriteString("file", module);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("profiles");
            WriteSampled(json, stacks, name);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads every profile of the file into one set of stacks (time units become ns).</summary>
    /// <exception cref="InputException">The JSON is not valid speedscope (the message gives the JSON path).</exception>
    public static StackProfile Read(JsonElement root, string sourceName) => new SpeedscopeReader(root, sourceName).Read();

    private static void WriteSampled(Utf8JsonWriter json, StackProfile stacks, string name)
    {
        var kept = stacks.Samples.Where(static s => s.Weight > 0 && s.Stack.Count > 0).ToList();
        json.WriteStartObject();
        json.WriteString("type", "sampled");
        json.WriteString("name", name);
        json.WriteString("unit", stacks.Unit switch { "ns" => "nanoseconds", "bytes" => "bytes", _ => "none" });
        json.WriteNumber("startValue", 0);
        json.WriteNumber("endValue", kept.Sum(static s => s.Weight));
        json.WriteStartArray("samples");
        foreach (var sample in kept)
        {
            json.WriteStartArray();
            foreach (var frame in sample.Stack)
            {
                json.WriteNumberValue(frame);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("weights");
        foreach (var sample in kept)
        {
            json.WriteNumberValue(sample.Weight);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
