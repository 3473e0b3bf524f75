using System.Text.Json.Serialization;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Json;

/// <summary>
/// Source-generated JSON of the comparison result (docs/schema/comparison.v1.schema.json). Write it through
/// <see cref="ComparisonJson"/>, which writes ∞ and NaN as null: without a converter in these options the serializer
/// takes its generated fast path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComparisonResult))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;
