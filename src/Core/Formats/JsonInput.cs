using System.Text.Json;
using RustScope.Core.Diagnostics;

namespace RustScope.Core.Formats;

/// <summary>
/// Typed access to a JSON document for the profile readers: every wrong type or missing member becomes an
/// <see cref="InputException"/> naming the file and the JSON path, never a <see cref="KeyNotFoundException"/> or an
/// <see cref="InvalidOperationException"/> from <see cref="JsonElement"/>.
/// </summary>
internal sealed class JsonInput(string sourceName, string code)
{
    public JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Invalid(path, $"expected an object, found {Kind(element)}");

    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement Required(JsonElement parent, string name, string path) =>
        Optional(parent, name) ?? throw Invalid($"{path}.{name}", $"'{name}' is missing");

    public JsonElement Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element : throw Invalid(path, $"expected an array, found {Kind(element)}");

    public JsonElement Array(JsonElement parent, string name, string path) => Array(Required(parent, name, path), $"{path}.{name}");

    public string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Invalid(path, $"expected a string, found {Kind(element)}");

    public double Number(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Invalid(path, $"expected a number, found {Kind(element)}");

    /// <summary>A non-negative whole number below <paramref name="count"/>: an index into a table of that length.</summary>
    public int Index(JsonElement element, int count, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= 0 && value < count
            ? value
            : throw Invalid(path, element.ValueKind == JsonValueKind.Number
                ? $"index {element.GetRawText()} is outside 0..{count - 1}"
                : $"expected an index, found {Kind(element)}");

    public InputException Invalid(string path, string message) =>
        new(new Diagnostic(sourceName, null, null, code, message) { JsonPath = path });

    /// <summary>Parses UTF-8 JSON, reporting a syntax error at its line and column.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string sourceName, string code)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from zero; diagnostics count from one.
            throw new InputException(new Diagnostic(sourceName, (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1, code,
                $"invalid JSON: {FirstSentence(e.Message)}"));
        }
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is > 0 and var end ? message[..end].TrimEnd('.') : message.TrimEnd('.');

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
