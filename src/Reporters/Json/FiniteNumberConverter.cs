using System.Text.Json;
using System.Text.Json.Serialization;

namespace RustScope.Reporters.Json;

/// <summary>
/// Writes non-finite numbers as null: JSON has no ∞ or NaN, and a change from a zero baseline is +∞. Consumers read
/// null as "no finite estimate", as the schema says.
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
