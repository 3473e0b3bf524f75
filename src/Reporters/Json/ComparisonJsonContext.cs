using System.Text.Json.Serialization;
using RustScope.Core.Comparison;

namespace RustScope.Reporters.Json;

/// <summary>Source-generated JSON of the comparison result (docs/schema/comparison.v1.schema.json).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(ComparisonResult))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;
