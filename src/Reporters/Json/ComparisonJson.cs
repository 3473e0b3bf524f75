using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Json;

/// <summary>
/// The comparison as JSON, the same wherever it is written (the JSON report, the HTML report's data): ∞ and NaN as
/// null, since JSON has neither.
/// </summary>
internal static class ComparisonJson
{
    // A result with ∞ or NaN needs the converter that writes them as null, and with it the serializer's general path,
    // which walks metadata and converters for every number. The comparer leaves none; only a result built by hand has them.
    private static readonly JsonTypeInfo<ComparisonResult> WithNonFiniteNumbers = (JsonTypeInfo<ComparisonResult>)
        new JsonSerializerOptions(ComparisonJsonContext.Default.Options) { Converters = { new FiniteNumberConverter() } }.GetTypeInfo(typeof(ComparisonResult));

    /// <summary>How the serializer itself would lay the JSON out: indented by two spaces.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = ComparisonJsonContext.Default.Options.Encoder,
        Indented = ComparisonJsonContext.Default.Options.WriteIndented,
        IndentCharacter = ComparisonJsonContext.Default.Options.IndentCharacter,
        IndentSize = ComparisonJsonContext.Default.Options.IndentSize,
        NewLine = ComparisonJsonContext.Default.Options.NewLine,
        SkipValidation = true,
    };

    /// <summary>
    /// Writes <paramref name="result"/> to <paramref name="writer"/>. Given a writer, the serializer runs its generated
    /// fast path; given a stream it would not.
    /// </summary>
    public static void Serialize(Utf8JsonWriter writer, ComparisonResult result) =>
        JsonSerializer.Serialize(writer, result, FiniteNumbers.In(result) ? ComparisonJsonContext.Default.ComparisonResult : WithNonFiniteNumbers);
}
